using Microsoft.IdentityModel.Tokens;
using ZodiaCore.ServiceDefaults.Authentication;

namespace ZodiaCore.IdentityService.Tokens;

/// <summary>IdentityService validates its own tokens with the keys it holds, without fetching its own JWKS over HTTP.</summary>
public sealed class InProcessSigningKeySource(SigningKeyRing ring) : IIssuerSigningKeySource
{
    public ValueTask<IReadOnlyList<SecurityKey>> GetSigningKeysAsync(bool refresh, CancellationToken cancellationToken) =>
        ring.GetValidationKeysAsync(refresh, cancellationToken);
}
