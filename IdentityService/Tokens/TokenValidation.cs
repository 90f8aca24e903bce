using Microsoft.IdentityModel.Tokens;

namespace ZodiaCore.IdentityService.Tokens;

/// <summary>
/// What every verifier of ZodiaCore tokens pins: issuer, audience, lifetime, RS256 only, known key ids only.
/// ServiceDefaults' <c>AddDefaultAuthentication</c> uses the same values.
/// </summary>
public static class TokenValidation
{
    public const string DefaultIssuer = "zodiacore-identity";
    public const string DefaultAudience = "zodiacore-api";
    public const string InternalAudience = "zodiacore-internal";
    public const string Algorithm = SecurityAlgorithms.RsaSha256;
    public const string RoleClaim = "role";
    public const string SubjectClaim = "sub";
    public const string ClientIdClaim = "client_id";

    /// <summary>Refresh-token family of the session that obtained the token: lets a password change keep this session.</summary>
    public const string SessionClaim = "sid";

    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>Validation parameters for tokens of <paramref name="issuer"/> meant for any of <paramref name="audiences"/>.</summary>
    public static TokenValidationParameters CreateParameters(string issuer, IEnumerable<string> audiences, IEnumerable<SecurityKey> signingKeys) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = issuer,
        ValidateAudience = true,
        ValidAudiences = audiences.ToArray(),
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        ValidAlgorithms = [Algorithm],
        IssuerSigningKeys = signingKeys.ToArray(),

        // Only the key named by `kid` is tried: a token with an unknown or missing kid fails.
        TryAllIssuerSigningKeys = false,
        NameClaimType = SubjectClaim,
        RoleClaimType = RoleClaim,
    };
}
