using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace ZodiaCore.ServiceDefaults.Authentication;

/// <summary>The pinned rules every service applies to bearer tokens (Identity:* settings).</summary>
public sealed record TokenValidationSettings(string Issuer, string Audience, string? JwksUrl)
{
    public const string IssuerKey = "Identity:Issuer";
    public const string AudienceKey = "Identity:Audience";
    public const string JwksUrlKey = "Identity:JwksUrl";

    /// <summary>Audience of service-to-service tokens; accepted only by /internal endpoints.</summary>
    public const string InternalAudience = "zodiacore-internal";
    public const string Algorithm = SecurityAlgorithms.RsaSha256;
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static TokenValidationSettings From(IConfiguration configuration) =>
        new(configuration[IssuerKey] ?? "", configuration[AudienceKey] ?? "", configuration[JwksUrlKey]);

    /// <summary>Issuer, audience, lifetime and algorithm pinned: alg none, HS256 and the like never validate.</summary>
    public TokenValidationParameters ToParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudiences = [Audience, InternalAudience],
        ValidAlgorithms = [Algorithm],
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        // A token whose kid is missing or unknown is never tried against every published key.
        TryAllIssuerSigningKeys = false,
        ClockSkew = ClockSkew,
        NameClaimType = "sub",
        RoleClaimType = "role",
    };
}
