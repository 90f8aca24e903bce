using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZodiaCore.FieldEncryption;
using ZodiaCore.InterpretationService.Caching;
using ZodiaCore.InterpretationService.Interpretations;
using ZodiaCore.InterpretationService.Providers;
using ZodiaCore.ServiceDefaults.Apis;

namespace ZodiaCore.InterpretationService.Tests.Caching;

public class EncryptedOutcomeSerializerTests
{
    private static readonly InterpretationOutcome Outcome = new(
        [new InterpretationSection("overview", "Overview", "Your Sun in Taurus in the eleventh house steadies every group you join.")],
        "en", false, [new InterpretationWarning("houses.unknown", "No time.")], "openai", "gpt-test", false, [],
        new TokenUsage(321, 123), "natal-v1", new DateTimeOffset(2026, 11, 29, 14, 5, 6, 789, TimeSpan.Zero));

    private static FieldEncryptor Encryptor(byte[] key) => new(new EncryptionKeyRing(new EncryptionKey(key)));

    private static EncryptedOutcomeSerializer Serializer(byte[] key) => new(Encryptor(key));

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
        // Every ask answered from this entry, in any instance, must derive the same interpretation id from it (AskId).
        Assert.Equal(Outcome.AnsweredAt, restored.AnsweredAt);
        Assert.Equal(Outcome with { Sections = restored.Sections, Warnings = restored.Warnings, Failures = restored.Failures }, restored);
    }

    [Fact]
    public void A_payload_cached_before_answer_times_were_recorded_reads_as_an_answer_without_one()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var json = JsonSerializer.SerializeToUtf8Bytes(Outcome with { AnsweredAt = null }, ApiJson.Options);
        var withoutTime = JsonNode.Parse(json)!.AsObject();
        withoutTime.Remove("answeredAt");
        var encrypted = Encryptor(key).Encrypt(Encoding.UTF8.GetBytes(withoutTime.ToJsonString()), "interpretation-cache", "outcome");

        var restored = Serializer(key).Deserialize(new ReadOnlySequence<byte>(encrypted));

        Assert.Null(restored.AnsweredAt);
        Assert.Equal(Outcome.Sections, restored.Sections);
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
