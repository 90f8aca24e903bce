using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace ZodiaCore.IdentityService.Tokens;

/// <summary>Opaque refresh tokens: 256 random bits, stored only as their SHA-256.</summary>
public static class RefreshTokenValue
{
    private const int MaxLength = 256;

    public static string Generate() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// A plain hash suffices: the token has 256 bits of entropy, so unlike a password it cannot be guessed
    /// from its hash, and the lookup must be deterministic.
    /// </summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    public static bool LooksValid(string? token) => !string.IsNullOrEmpty(token) && token.Length <= MaxLength;
}
