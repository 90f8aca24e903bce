namespace ZodiaCore.IdentityService.Tokens;

/// <summary>Configuration section <c>Identity</c>: token issuing settings.</summary>
public sealed class IdentityTokenOptions
{
    public const string SectionName = "Identity";

    /// <summary>The fixed <c>iss</c> value every verifier pins (<c>Identity:Issuer</c>).</summary>
    public string Issuer { get; set; } = TokenValidation.DefaultIssuer;

    /// <summary>Audience of user access tokens (<c>Identity:Audience</c>).</summary>
    public string Audience { get; set; } = TokenValidation.DefaultAudience;

    /// <summary>Audience of service (client-credentials) tokens, accepted only on <c>/internal/**</c>.</summary>
    public string InternalAudience { get; set; } = TokenValidation.InternalAudience;

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan ServiceTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long a generated signing key signs before a successor is prepared.</summary>
    public TimeSpan SigningKeyLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a new key is published before it signs. Must exceed every verifier's JWKS cache time, so
    /// no verifier meets a token whose key it has not fetched yet.
    /// </summary>
    public TimeSpan SigningKeyPublishLead { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The client id IdentityService uses for its own calls to other services' /internal endpoints.</summary>
    public string ServiceClientId { get; set; } = "identity";

    /// <summary>Longest lifetime of any token this service issues: how long a retired key stays published.</summary>
    public TimeSpan MaxTokenLifetime => AccessTokenLifetime > ServiceTokenLifetime ? AccessTokenLifetime : ServiceTokenLifetime;
}
