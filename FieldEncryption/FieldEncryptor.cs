using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ZodiaCore.FieldEncryption;

/// <summary>
/// Encrypts single fields of stored records with AES-256-GCM.
/// </summary>
/// <remarks>
/// Layout (format version 1): <c>version(1) | keyId(4) | nonce(12) | ciphertext(n) | tag(16)</c>.
/// The associated data binds the header, the record id and the field name, so a ciphertext copied into
/// another record or field, or re-labelled with another key id, fails authentication.
/// </remarks>
public sealed class FieldEncryptor(EncryptionKeyRing keys)
{
    public const byte FormatVersion = 1;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    private const int HeaderSize = 1 + EncryptionKey.KeyIdSizeBytes;
    private const int Overhead = HeaderSize + NonceSize + TagSize;
    private static readonly byte[] AssociatedDataLabel = Encoding.ASCII.GetBytes("zodiacore/field/v1");

    /// <summary>The key ring in use.</summary>
    public EncryptionKeyRing Keys { get; } = keys ?? throw new ArgumentNullException(nameof(keys));

    /// <summary>Encrypts <paramref name="plaintext"/> under the current key with a fresh random nonce.</summary>
    public byte[] Encrypt(ReadOnlySpan<byte> plaintext, string recordId, string fieldName)
    {
        ValidateContext(recordId, fieldName);
        var key = Keys.Current;
        var output = new byte[Overhead + plaintext.Length];
        output[0] = FormatVersion;
        key.IdSpan.CopyTo(output.AsSpan(1));
        var nonce = output.AsSpan(HeaderSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        var ciphertext = output.AsSpan(HeaderSize + NonceSize, plaintext.Length);
        var tag = output.AsSpan(HeaderSize + NonceSize + plaintext.Length, TagSize);

        using var aes = new AesGcm(key.Material, TagSize);
        aes.Encrypt(nonce, plaintext, ciphertext, tag, BuildAssociatedData(output.AsSpan(0, HeaderSize), recordId, fieldName));
        return output;
    }

    /// <summary>Encrypts a UTF-8 string.</summary>
    public byte[] EncryptString(string plaintext, string recordId, string fieldName)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        return Encrypt(Encoding.UTF8.GetBytes(plaintext), recordId, fieldName);
    }

    /// <summary>Decrypts a value written by <see cref="Encrypt"/> for the same record and field.</summary>
    /// <exception cref="FieldDecryptionException">Unknown key, malformed or tampered data, or wrong record/field.</exception>
    public byte[] Decrypt(ReadOnlySpan<byte> stored, string recordId, string fieldName)
    {
        ValidateContext(recordId, fieldName);
        var key = ReadHeader(stored);
        var ciphertextLength = stored.Length - Overhead;
        var nonce = stored.Slice(HeaderSize, NonceSize);
        var ciphertext = stored.Slice(HeaderSize + NonceSize, ciphertextLength);
        var tag = stored.Slice(HeaderSize + NonceSize + ciphertextLength, TagSize);
        var plaintext = new byte[ciphertextLength];

        try
        {
            using var aes = new AesGcm(key.Material, TagSize);
            aes.Decrypt(nonce, ciphertext, tag, plaintext, BuildAssociatedData(stored[..HeaderSize], recordId, fieldName));
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new FieldDecryptionException(
                $"Field '{fieldName}' failed authentication with key {key.IdText}: the data was altered, " +
                "belongs to another record or field, or the key material is wrong.", ex);
        }

        return plaintext;
    }

    /// <summary>Decrypts a value written by <see cref="EncryptString"/>.</summary>
    /// <exception cref="FieldDecryptionException">See <see cref="Decrypt"/>.</exception>
    public string DecryptString(ReadOnlySpan<byte> stored, string recordId, string fieldName) =>
        Encoding.UTF8.GetString(Decrypt(stored, recordId, fieldName));

    /// <summary>True when <paramref name="stored"/> was written with a key other than the current one.</summary>
    /// <exception cref="FieldDecryptionException">The value is not a ciphertext of a known format.</exception>
    public bool NeedsReEncryption(ReadOnlySpan<byte> stored)
    {
        var key = ReadHeader(stored);
        return !ReferenceEquals(key, Keys.Current);
    }

    /// <summary>
    /// Returns the value encrypted under the current key (a new nonce too); a value already under the
    /// current key is returned unchanged.
    /// </summary>
    /// <exception cref="FieldDecryptionException">See <see cref="Decrypt"/>.</exception>
    public byte[] ReEncrypt(byte[] stored, string recordId, string fieldName)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!NeedsReEncryption(stored))
        {
            return stored;
        }

        var plaintext = Decrypt(stored, recordId, fieldName);
        try
        {
            return Encrypt(plaintext, recordId, fieldName);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private EncryptionKey ReadHeader(ReadOnlySpan<byte> stored)
    {
        if (stored.Length < Overhead)
        {
            throw new FieldDecryptionException($"Ciphertext is {stored.Length} bytes; at least {Overhead} are required.");
        }

        if (stored[0] != FormatVersion)
        {
            throw new FieldDecryptionException($"Unknown ciphertext format version {stored[0]}.");
        }

        var keyId = stored.Slice(1, EncryptionKey.KeyIdSizeBytes);
        return Keys.Find(keyId) ?? throw new FieldDecryptionException(
            $"Ciphertext was written with key {Convert.ToHexStringLower(keyId)}, which is neither " +
            $"{EncryptionKeyRing.CurrentKeySetting} nor listed in {EncryptionKeyRing.OldKeysSetting}.");
    }

    private static byte[] BuildAssociatedData(ReadOnlySpan<byte> header, string recordId, string fieldName)
    {
        // Length-prefixed parts: ("ab","c") and ("a","bc") must give different associated data.
        var recordBytes = Encoding.UTF8.GetByteCount(recordId);
        var fieldBytes = Encoding.UTF8.GetByteCount(fieldName);
        var data = new byte[AssociatedDataLabel.Length + header.Length + 4 + recordBytes + 4 + fieldBytes];
        var span = data.AsSpan();
        AssociatedDataLabel.CopyTo(span);
        span = span[AssociatedDataLabel.Length..];
        header.CopyTo(span);
        span = span[header.Length..];
        BinaryPrimitives.WriteInt32BigEndian(span, recordBytes);
        span = span[(4 + Encoding.UTF8.GetBytes(recordId, span[4..]))..];
        BinaryPrimitives.WriteInt32BigEndian(span, fieldBytes);
        Encoding.UTF8.GetBytes(fieldName, span[4..]);
        return data;
    }

    private static void ValidateContext(string recordId, string fieldName)
    {
        ArgumentException.ThrowIfNullOrEmpty(recordId);
        ArgumentException.ThrowIfNullOrEmpty(fieldName);
    }
}
