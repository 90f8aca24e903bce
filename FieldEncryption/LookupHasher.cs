using System.Security.Cryptography;
using System.Text;

namespace ZodiaCore.FieldEncryption;

/// <summary>
/// Keyed HMAC-SHA256 hashes for finding a record by a secret value (an e-mail) without storing it in clear.
/// </summary>
/// <remarks>
/// The HMAC key is derived with HKDF from each encryption key, so operators manage one secret. The price:
/// rotating <c>ENCRYPTION_KEY</c> changes the hashes, so lookups try every key in the ring (current first)
/// and the rotation command rewrites stored hashes with the current key.
/// </remarks>
public sealed class LookupHasher(EncryptionKeyRing keys)
{
    /// <summary>The hash under the current key: what new and rotated records store.</summary>
    public string Hash(string normalizedValue) => Hash(keys.Current, normalizedValue);

    /// <summary>The hash under every known key, current first: what a lookup searches for.</summary>
    public IReadOnlyList<string> CandidateHashes(string normalizedValue) =>
        keys.All.Select(key => Hash(key, normalizedValue)).ToArray();

    private static string Hash(EncryptionKey key, string normalizedValue)
    {
        ArgumentNullException.ThrowIfNull(normalizedValue);
        var mac = HMACSHA256.HashData(key.LookupKey, Encoding.UTF8.GetBytes(normalizedValue));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
