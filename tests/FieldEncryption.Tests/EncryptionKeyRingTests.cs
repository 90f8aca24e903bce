using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using ZodiaCore.FieldEncryption;

namespace ZodiaCore.FieldEncryption.Tests;

public class EncryptionKeyRingTests
{
    private static string NewKeyText() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();

    [Fact]
    public void A_missing_key_stops_start_up_naming_the_setting()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => EncryptionKeyRing.FromConfiguration(Config()));

        Assert.Contains("ENCRYPTION_KEY", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]                                              // 3 bytes
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]  // 36 bytes
    public void A_key_that_is_not_32_bytes_of_base64_is_rejected(string text)
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            EncryptionKeyRing.FromConfiguration(Config(("ENCRYPTION_KEY", text))));

        Assert.Contains("ENCRYPTION_KEY must be base64", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_error_message_never_contains_the_key()
    {
        var almost = Convert.ToBase64String(RandomNumberGenerator.GetBytes(31));

        var ex = Assert.Throws<InvalidOperationException>(() =>
            EncryptionKeyRing.FromConfiguration(Config(("ENCRYPTION_KEY", almost))));

        Assert.DoesNotContain(almost, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Old_keys_are_read_from_a_comma_separated_list()
    {
        var ring = EncryptionKeyRing.FromConfiguration(Config(
            ("ENCRYPTION_KEY", NewKeyText()),
            ("ENCRYPTION_OLD_KEYS", NewKeyText() + ", " + NewKeyText())));

        Assert.Equal(3, ring.All.Count);
    }

    [Fact]
    public void Old_keys_are_read_from_an_array_section()
    {
        var ring = EncryptionKeyRing.FromConfiguration(Config(
            ("ENCRYPTION_KEY", NewKeyText()),
            ("ENCRYPTION_OLD_KEYS:0", NewKeyText()),
            ("ENCRYPTION_OLD_KEYS:1", NewKeyText())));

        Assert.Equal(3, ring.All.Count);
    }

    [Fact]
    public void A_malformed_old_key_is_named_by_its_position()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => EncryptionKeyRing.FromConfiguration(Config(
            ("ENCRYPTION_KEY", NewKeyText()),
            ("ENCRYPTION_OLD_KEYS", NewKeyText() + ",broken"))));

        Assert.Contains("ENCRYPTION_OLD_KEYS[1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_current_key_listed_again_among_old_keys_is_counted_once()
    {
        var current = NewKeyText();

        var ring = EncryptionKeyRing.FromConfiguration(Config(("ENCRYPTION_KEY", current), ("ENCRYPTION_OLD_KEYS", current)));

        Assert.Single(ring.All);
    }

    [Fact]
    public void The_key_id_is_stable_for_the_same_key_and_differs_between_keys()
    {
        var text = NewKeyText();

        Assert.Equal(EncryptionKey.FromBase64(text).IdText, EncryptionKey.FromBase64(text).IdText);
        Assert.NotEqual(EncryptionKey.FromBase64(text).IdText, EncryptionKey.FromBase64(NewKeyText()).IdText);
    }
}
