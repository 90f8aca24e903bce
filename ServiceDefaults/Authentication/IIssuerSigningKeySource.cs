using Microsoft.IdentityModel.Tokens;

namespace ZodiaCore.ServiceDefaults.Authentication;

/// <summary>
/// Where token-signing public keys come from: the JWKS over HTTP everywhere except in IdentityService,
/// which holds the keys itself and registers its own source.
/// </summary>
public interface IIssuerSigningKeySource
{
    /// <summary>The currently published keys; <paramref name="refresh"/> asks for a fresh copy (an unknown kid was seen).</summary>
    ValueTask<IReadOnlyList<SecurityKey>> GetSigningKeysAsync(bool refresh, CancellationToken cancellationToken);
}
