using System.Security.Cryptography;
using System.Text;
using ZodiaCore.FieldEncryption;

namespace ZodiaCore.FieldEncryption.Tests;

public class FieldEncryptorTests
{
    private static readonly EncryptionKey KeyA = EncryptionKey.Generate();
    private static readonly EncryptionKey KeyB = EncryptionKey.Generate();

    [Fact]
    public void A_string_survives_encryption_and_decryption()
    {
        var encryptor = new FieldEncryptor(new EncryptionKeyRing(KeyA));

        var stored = encryptor.EncryptString("1990-05-15T14:30:00 Europe/London", "user-1", "birth");

        Assert.Equal("1990-05-15T14:30:00 Europe/London", encryptor.DecryptString(stored, "user-1", "birth"));
    }

    [Fact]
    public void An_empty_value_round_trips()
    {
        var encryptor = new FieldEncryptor(new EncryptionKeyRing(KeyA));

        var stored = encryptor.Encrypt([], "user-1", "note");

        Assert.Empty(encryptor.Decrypt(stored, "user-1", "note"));
    }

    [Fact]
    public void The_ciphertext_does_not_contain_the_plaintext()
    {
        var encryptor = new FieldEncryptor(new EncryptionKeyRing(KeyA));
        var plaintext = Encoding.UTF8.GetBytes("alice@example.com alice@example.com");

        var stored = encryptor.Encrypt(plaintext, "user-1", "email");

        Assert.Equal(-1, stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes("alice")));
    }

    [Fact]
    public void Encrypting_the_same_value_twice_uses_different_nonces()
    {
        var encryptor = new FieldEncryptor(new EncryptionKeyRing(KeyA));
        var nonces = new HashSet<string>();

        for (var i = 0; i < 10_000; i++)
        {
            var stored = encryptor.EncryptString("same", "user-1", "email");
            nonces.Add(Convert.ToHexString(stored.AsSpan(5, FieldEncryptor.NonceSize)));
        }

        Assert.Equal(10_000, nonces.Count);
    }

    [Fact]
    public void The_header_names_the_format_version_and_the_current_key()
    {
        var encryptor = new FieldEncryptor(new EncryptionKeyRing(KeyA, [KeyB]));

        var stored = encryptor.EncryptString("x", "user-1", "email");

        Assert.Equal(FieldEncryptor.FormatVersion, stored[0]);
        Assert.Equal(KeyA.Id.ToArray(), stored.AsSpan(1, 4).ToArray());
        Assert.Equal(1 + 4 + 12 + 1 + 16, stored.Length);
    }

    [Fact]
    public void A_ciphertext_moved_to_another_record_fails()
    {
        var encryptor = new FieldEncryptor(new EncryptionKeyRing(KeyA));
        var stored = encryptor.EncryptString("1990-05-15", "user-1", "birth");

        Assert.Throws<FieldDecryptionException>(() => encryptor.Decrypt(stored, "user-2", "birth"));
    }

    [Fact]
    public void A_ciphertext_moved_to_another_field_fails()
    {
        var encryptor = new FieldEncryptor(new EncryptionKeyRing(KeyA));
        var stored = encryptor.EncryptString("51.5,-0.12", "user-1", "location");

        Assert.Throws<FieldDecryptionException>(() => encryptor.Decrypt(stored, "user-1", "birth"));
    }

    [Fact]
    public void Record_and_field_boundaries_cannot_be_shifted()
    {
        var encryptor = new FieldEncryptor(new EncryptionKeyRing(KeyA));
        var stored = encryptor.EncryptString("x", "ab", "c");

        Assert.Throws<FieldDecryptionException>(() => encryptor.Decrypt(stored, "a", "bc"));
    }

    [Theory]
    [InlineData(0)]   // version
    [InlineData(3)]   // key id
    [InlineData(8)]   // nonce
    [InlineData(17)]  // ciphertext
    [InlineData(-1)]  // tag (last byte)
    public void Any_flipped_bit_is_detected(int position)
    {
        var encryptor = new FieldEncryptor(new EncryptionKeyRing(KeyA));
        var stored = encryptor.EncryptString("1990-05-15", "user-1", "birth");
        var index = position < 0 ? stored.Length + position : position;

        stored[index] ^= 0x01;

        Assert.Throws<FieldDecryptionException>(() => encryptor.Decrypt(stored, "user-1", "birth"));
    }

    [Fact]
    public void A_truncated_ciphertext_is_rejected_with_a_clear_error()
    {
        var encryptor = new FieldEncryptor(new EncryptionKeyRing(KeyA));
        var stored = encryptor.EncryptString("1990", "user-1", "birth");

        var ex = Assert.Throws<FieldDecryptionException>(() => encryptor.Decrypt(stored.AsSpan(0, 20), "user-1", "birth"));

        Assert.Contains("at least", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_written_under_an_unknown_key_names_the_key_id_and_the_settings()
    {
        var writer = new FieldEncryptor(new EncryptionKeyRing(KeyB));
        var reader = new FieldEncryptor(new EncryptionKeyRing(KeyA));
        var stored = writer.EncryptString("x", "user-1", "email");

        var ex = Assert.Throws<FieldDecryptionException>(() => reader.Decrypt(stored, "user-1", "email"));

        Assert.Contains(KeyB.IdText, ex.Message, StringComparison.Ordinal);
        Assert.Contains("ENCRYPTION_OLD_KEYS", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_key_material_under_a_known_id_fails_authentication_instead_of_returning_garbage()
    {
        var encryptor = new FieldEncryptor(new EncryptionKeyRing(KeyA));
        var stored = encryptor.EncryptString("x", "user-1", "email");
        var forged = (byte[])stored.Clone();
        // Re-encrypt with another key but keep KeyA's id in the header.
        var other = new FieldEncryptor(new EncryptionKeyRing(KeyB)).EncryptString("x", "user-1", "email");
        other.AsSpan(1, 4).CopyTo(forged.AsSpan(1, 4));
        other.AsSpan(5).CopyTo(forged.AsSpan(5));

        Assert.Throws<FieldDecryptionException>(() => encryptor.Decrypt(forged, "user-1", "email"));
    }

    [Fact]
    public void After_rotation_old_values_still_decrypt_with_the_old_key_kept_in_the_ring()
    {
        var before = new FieldEncryptor(new EncryptionKeyRing(KeyA));
        var stored = before.EncryptString("1990-05-15", "user-1", "birth");
        var after = new FieldEncryptor(new EncryptionKeyRing(KeyB, [KeyA]));

        Assert.Equal("1990-05-15", after.DecryptString(stored, "user-1", "birth"));
        Assert.True(after.NeedsReEncryption(stored));
    }

    [Fact]
    public void ReEncrypt_moves_a_value_to_the_current_key_so_the_old_key_can_be_dropped()
    {
        var stored = new FieldEncryptor(new EncryptionKeyRing(KeyA)).EncryptString("1990-05-15", "user-1", "birth");
        var rotating = new FieldEncryptor(new EncryptionKeyRing(KeyB, [KeyA]));

        var rotated = rotating.ReEncrypt(stored, "user-1", "birth");

        Assert.False(rotating.NeedsReEncryption(rotated));
        var afterOldKeyRemoved = new FieldEncryptor(new EncryptionKeyRing(KeyB));
        Assert.Equal("1990-05-15", afterOldKeyRemoved.DecryptString(rotated, "user-1", "birth"));
    }

    [Fact]
    public void ReEncrypt_leaves_a_value_already_under_the_current_key_alone()
    {
        var encryptor = new FieldEncryptor(new EncryptionKeyRing(KeyB, [KeyA]));
        var stored = encryptor.EncryptString("x", "user-1", "email");

        Assert.Same(stored, encryptor.ReEncrypt(stored, "user-1", "email"));
    }

    [Fact]
    public void ReEncrypt_keeps_the_binding_to_record_and_field()
    {
        var stored = new FieldEncryptor(new EncryptionKeyRing(KeyA)).EncryptString("x", "user-1", "email");
        var rotating = new FieldEncryptor(new EncryptionKeyRing(KeyB, [KeyA]));

        var rotated = rotating.ReEncrypt(stored, "user-1", "email");

        Assert.Throws<FieldDecryptionException>(() => rotating.Decrypt(rotated, "user-2", "email"));
    }

    [Fact]
    public void Encryption_matches_plain_AES_GCM_with_the_documented_layout()
    {
        // Independent check of the format: decrypt with AesGcm directly, rebuilding the associated data by hand.
        var material = RandomNumberGenerator.GetBytes(32);
        var key = new EncryptionKey(material);
        var stored = new FieldEncryptor(new EncryptionKeyRing(key)).EncryptString("hello", "r", "f");

        var header = stored.AsSpan(0, 5).ToArray();
        var aad = Encoding.ASCII.GetBytes("zodiacore/field/v1")
            .Concat(header)
            .Concat(new byte[] { 0, 0, 0, 1 }).Concat("r"u8.ToArray())
            .Concat(new byte[] { 0, 0, 0, 1 }).Concat("f"u8.ToArray())
            .ToArray();
        var plaintext = new byte[stored.Length - 33];
        using var aes = new AesGcm(material, 16);
        aes.Decrypt(stored.AsSpan(5, 12), stored.AsSpan(17, plaintext.Length), stored.AsSpan(stored.Length - 16), plaintext, aad);

        Assert.Equal("hello", Encoding.UTF8.GetString(plaintext));
    }
}
