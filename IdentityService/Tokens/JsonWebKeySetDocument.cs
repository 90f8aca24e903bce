using System.Text.Json.Serialization;

namespace ZodiaCore.IdentityService.Tokens;

/// <summary>The body of <c>/.well-known/jwks.json</c>.</summary>
public sealed record JsonWebKeySetDocument([property: JsonPropertyName("keys")] IReadOnlyList<JsonWebKeyDocument> Keys)
{
    public static JsonWebKeySetDocument From(IEnumerable<SigningKey> keys) =>
        new(keys.Select(key => new JsonWebKeyDocument("RSA", "sig", TokenValidation.Algorithm, key.KeyId, key.Modulus, key.Exponent)).ToArray());
}

/// <summary>One public RSA key (RFC 7517).</summary>
public sealed record JsonWebKeyDocument(
    [property: JsonPropertyName("kty")] string Kty,
    [property: JsonPropertyName("use")] string Use,
    [property: JsonPropertyName("alg")] string Alg,
    [property: JsonPropertyName("kid")] string Kid,
    [property: JsonPropertyName("n")] string N,
    [property: JsonPropertyName("e")] string E);

/// <summary>The body of <c>/.well-known/openid-configuration</c> (the parts a resource server reads).</summary>
public sealed record OpenIdConfigurationDocument(
    [property: JsonPropertyName("issuer")] string Issuer,
    [property: JsonPropertyName("jwks_uri")] string JwksUri,
    [property: JsonPropertyName("token_endpoint")] string TokenEndpoint,
    [property: JsonPropertyName("grant_types_supported")] IReadOnlyList<string> GrantTypesSupported,
    [property: JsonPropertyName("id_token_signing_alg_values_supported")] IReadOnlyList<string> IdTokenSigningAlgValuesSupported,
    [property: JsonPropertyName("token_endpoint_auth_methods_supported")] IReadOnlyList<string> TokenEndpointAuthMethodsSupported);
