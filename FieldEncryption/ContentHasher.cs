using System.Security.Cryptography;
using System.Text;

namespace ZodiaCore.FieldEncryption;

/// <summary>
/// Keyed ids of content (a normalised chart input) that name it in caches and stored records without letting
/// anyone who sees an id test guesses of the content against it.
/// </summary>
/// <remarks>
/// Only the current key is used: an id from before a rotation names nothing that cannot be computed again, so
/// rotating <c>ENCRYPTION_KEY</c> costs cache misses, not lookups through every old key.
/// </remarks>
public sealed class ContentHasher(EncryptionKeyRing keys)
{
    /// <summary>Bytes of the HMAC kept: 128 bits, written as 32 lower-case hex characters.</summary>
    public const int IdSizeBytes = 16;

    /// <summary>HMAC-SHA256 of <paramref name="normalizedContent"/> under the current key's content-id key.</summary>
    public string Hash(string normalizedContent)
    {
        ArgumentNullException.ThrowIfNull(normalizedContent);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(keys.Current.ContentIdKey, Encoding.UTF8.GetBytes(normalizedContent), mac);
        return Convert.ToHexStringLower(mac[..IdSizeBytes]);
    }
}
