using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using ZodiaCore.FieldEncryption;
using ZodiaCore.InterpretationService.Caching;
using ZodiaCore.InterpretationService.Interpretations;
using ZodiaCore.InterpretationService.Providers;

namespace ZodiaCore.InterpretationService.Tests.Caching;

public class EncryptedOutcomeSerializerTests
{
    private static readonly InterpretationOutcome Outcome = new(
        [new InterpretationSection("overview", "Overview", "Your Sun in Taurus in the eleventh house steadies every group you join.")],
        "en", false, [new InterpretationWarning("houses.unknown", "No time.")], "openai", "gpt-test", false, [],
        new TokenUsage(321, 123), "natal-v1");

    private static EncryptedOutcomeSerializer Serializer(byte[] key) =>
        new(new FieldEncryptor(new EncryptionKeyRing(new EncryptionKey(key))));

    [Fact]
    public void The_cached_payload_round_trips_and_holds_no_text_in_clear()
    {
        var serializer = Serializer(RandomNumberGenerator.GetBytes(32));
        var buffer = new ArrayBufferWriter<byte>();

        serializer.Serialize(Outcome, buffer);
        var restored = serializer.Deserialize(new ReadOnlySequence<byte>(buffer.WrittenMemory));

        Assert.DoesNotContain("Taurus", Encoding.UTF8.GetString(buffer.WrittenSpan), StringComparison.Ordinal);
        Assert.Equal(Outcome.Sections, restored.Sections);
        Assert.Equal(Outcome.Usage, restored.Usage);
        Assert.Equal(Outcome.Warnings, restored.Warnings);
        Assert.Equal(Outcome with { Sections = restored.Sections, Warnings = restored.Warnings, Failures = restored.Failures }, restored);
    }

    [Fact]
    public void A_payload_written_under_another_key_is_refused()
    {
        var buffer = new ArrayBufferWriter<byte>();
        Serializer(RandomNumberGenerator.GetBytes(32)).Serialize(Outcome, buffer);

        Assert.Throws<FieldDecryptionException>(() =>
            Serializer(RandomNumberGenerator.GetBytes(32)).Deserialize(new ReadOnlySequence<byte>(buffer.WrittenMemory)));
    }
}
