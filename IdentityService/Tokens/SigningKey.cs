using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace ZodiaCore.IdentityService.Tokens;

/// <summary>An RSA signing key with its kid and the moment it starts signing.</summary>
public sealed class SigningKey
{
    public SigningKey(RSA privateKey, DateTimeOffset activatesAt)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        var publicParameters = privateKey.ExportParameters(includePrivateParameters: false);
        KeyId = Thumbprint(publicParameters);
        ActivatesAt = activatesAt;
        Private = new RsaSecurityKey(privateKey) { KeyId = KeyId };
        Public = new RsaSecurityKey(publicParameters) { KeyId = KeyId };
        Modulus = Base64UrlEncoder.Encode(publicParameters.Modulus);
        Exponent = Base64UrlEncoder.Encode(publicParameters.Exponent);
        Credentials = new SigningCredentials(Private, TokenValidation.Algorithm);
    }

    public string KeyId { get; }

    public DateTimeOffset ActivatesAt { get; }

    public RsaSecurityKey Private { get; }

    public RsaSecurityKey Public { get; }

    public SigningCredentials Credentials { get; }

    /// <summary>JWK <c>n</c> (base64url).</summary>
    public string Modulus { get; }

    /// <summary>JWK <c>e</c> (base64url).</summary>
    public string Exponent { get; }

    /// <summary>A fresh 2048-bit RSA key.</summary>
    public static SigningKey Generate(DateTimeOffset activatesAt) => new(RSA.Create(2048), activatesAt);

    /// <summary>RFC 7638 JWK thumbprint: SHA-256 over the required members in lexicographic order.</summary>
    private static string Thumbprint(RSAParameters parameters)
    {
        var json = $$"""{"e":"{{Base64UrlEncoder.Encode(parameters.Exponent)}}","kty":"RSA","n":"{{Base64UrlEncoder.Encode(parameters.Modulus)}}"}""";
        return Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }
}
