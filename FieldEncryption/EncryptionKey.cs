using System.Security.Cryptography;
using System.Text;

namespace ZodiaCore.FieldEncryption;

/// <summary>One AES-256 key and the short id written beside every ciphertext it produces.</summary>
public sealed class EncryptionKey
{
    public const int KeySizeBytes = 32;
    public const int KeyIdSizeBytes = 4;

    private static readonly byte[] KeyIdLabel = Encoding.ASCII.GetBytes("zodiacore/field-encryption/key-id/v1");
    private static readonly byte[] LookupKeyLabel = Encoding.ASCII.GetBytes("zodiacore/field-encryption/lookup-hash/v1");
    private static readonly byte[] ContentIdKeyLabel = Encoding.ASCII.GetBytes("zodiacore/field-encryption/content-id/v1");

    private readonly byte[] _material;
    private readonly byte[] _id;

    public EncryptionKey(ReadOnlySpan<byte> material)
    {
        if (material.Length != KeySizeBytes)
        {
            throw new ArgumentException($"An encryption key must be exactly {KeySizeBytes} bytes.", nameof(material));
        }

        _material = material.ToArray();

        // The id is derived from the key itself, so configuration cannot pair a key with the wrong id,
        // and a one-way MAC of the key reveals nothing about it.
        var mac = HMACSHA256.HashData(_material, KeyIdLabel);
        _id = mac.AsSpan(0, KeyIdSizeBytes).ToArray();
        IdText = Convert.ToHexStringLower(_id);

        // A separate HKDF-derived key for HMAC lookups: one configured secret, but the same bytes are
        // never used both as an AES key and as an HMAC key.
        LookupKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, _material, KeySizeBytes, salt: [], info: LookupKeyLabel);

        // Content ids get a key of their own rather than the lookup key: any caller sees the ids of inputs it chose,
        // and a separate key keeps those answers from ever bearing on the e-mail hashes, whatever either input becomes.
        ContentIdKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, _material, KeySizeBytes, salt: [], info: ContentIdKeyLabel);
    }

    /// <summary>The 4-byte id stored in each ciphertext header.</summary>
    public ReadOnlyMemory<byte> Id => _id;

    /// <summary>The id as lower-case hex, for logs and diagnostics (safe to print).</summary>
    public string IdText { get; }

    internal byte[] LookupKey { get; }

    internal byte[] ContentIdKey { get; }

    internal ReadOnlySpan<byte> Material => _material;

    internal ReadOnlySpan<byte> IdSpan => _id;

    /// <summary>Parses a base64 key as found in configuration.</summary>
    /// <exception cref="FormatException">The text is not base64 of exactly 32 bytes.</exception>
    public static EncryptionKey FromBase64(string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);
        Span<byte> buffer = stackalloc byte[KeySizeBytes + 3];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var written) || written != KeySizeBytes)
        {
            throw new FormatException($"An encryption key must be base64 of exactly {KeySizeBytes} bytes.");
        }

        var key = new EncryptionKey(buffer[..KeySizeBytes]);
        CryptographicOperations.ZeroMemory(buffer);
        return key;
    }

    /// <summary>Creates a fresh random key (development and tests).</summary>
    public static EncryptionKey Generate() => new(RandomNumberGenerator.GetBytes(KeySizeBytes));

    public override string ToString() => $"EncryptionKey({IdText})";
}
