using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ZodiaCore.IdentityService.Accounts;
using ZodiaCore.ServiceDefaults.Authentication;

namespace ZodiaCore.IdentityService.Tokens;

/// <summary>Mints RS256 access tokens for users and service tokens for clients.</summary>
public sealed class TokenIssuer(SigningKeyRing keys, TokenRevocations revocations, IOptions<IdentityTokenOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly IdentityTokenOptions _options = options.Value;

    /// <summary>An access token for <paramref name="user"/>: sub, role (one per role), sid, jti, iat. No personal data.</summary>
    public async Task<IssuedToken> IssueAccessTokenAsync(UserAccount user, string sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim>
        {
            new(TokenValidation.SubjectClaim, user.Id),
            new(TokenValidation.SessionClaim, sessionId),
        };
        claims.AddRange(user.Roles.Select(role => new Claim(TokenValidation.RoleClaim, role)));

        // A revocation covers tokens issued up to the end of its second (token times are whole seconds). A token issued
        // after it within that second (a login right after a password change, a refresh right after a role change)
        // is dated the next second, or it would be born revoked.
        var now = time.GetUtcNow();
        var issuedAt = revocations.LatestCutoff(user.Id, sessionId) is { } cutoff && now.ToUnixTimeSeconds() <= cutoff
            ? DateTimeOffset.FromUnixTimeSeconds(cutoff + 1)
            : now;
        return await IssueAsync(claims, _options.Audience, _options.AccessTokenLifetime, cancellationToken, issuedAt).ConfigureAwait(false);
    }

    /// <summary>A client-credentials token: audience zodiacore-internal, role service, client_id.</summary>
    public async Task<IssuedToken> IssueServiceTokenAsync(string clientId, CancellationToken cancellationToken)
    {
        var claims = new List<Claim>
        {
            new(TokenValidation.SubjectClaim, clientId),
            new(TokenValidation.ClientIdClaim, clientId),
            new(TokenValidation.RoleClaim, Roles.Service),
        };
        return await IssueAsync(claims, _options.InternalAudience, _options.ServiceTokenLifetime, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IssuedToken> IssueAsync(List<Claim> claims, string audience, TimeSpan lifetime, CancellationToken cancellationToken,
        DateTimeOffset? issuedAt = null)
    {
        var key = await keys.GetSigningKeyAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        claims.Add(new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")));
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = (issuedAt ?? now).UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = key.Credentials,
        });
        return new IssuedToken(token, (int)lifetime.TotalSeconds, now + lifetime);
    }
}

/// <summary>A signed token and its lifetime.</summary>
public sealed record IssuedToken(string Token, int ExpiresInSeconds, DateTimeOffset ExpiresAt);
