using Microsoft.Extensions.Options;
using ZodiaCore.IdentityService.Accounts;
using ZodiaCore.IdentityService.Observability;
using ZodiaCore.IdentityService.Storage;

namespace ZodiaCore.IdentityService.Tokens;

/// <summary>Access + refresh token pairs: issue, rotate (with reuse detection) and revoke.</summary>
public sealed class SessionTokens(
    IRefreshTokenStore refreshTokens,
    IUserStore users,
    TokenIssuer issuer,
    AccessTokenRevocation accessTokens,
    IOptions<IdentityTokenOptions> options,
    TimeProvider time,
    ILogger<SessionTokens> logger)
{
    /// <summary>Starts a new session (token family) or continues <paramref name="familyId"/>.</summary>
    public async Task<TokenPair> IssueAsync(UserAccount user, string? familyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = time.GetUtcNow();
        var family = familyId ?? Guid.NewGuid().ToString("N");
        var refreshToken = RefreshTokenValue.Generate();
        await refreshTokens.InsertAsync(new RefreshTokenRecord
        {
            TokenHash = RefreshTokenValue.Hash(refreshToken),
            UserId = user.Id,
            FamilyId = family,
            CreatedAt = now,
            ExpiresAt = now + options.Value.RefreshTokenLifetime,
        }, cancellationToken).ConfigureAwait(false);
        var access = await issuer.IssueAccessTokenAsync(user, family, cancellationToken).ConfigureAwait(false);
        return new TokenPair(access.Token, refreshToken, access.ExpiresInSeconds);
    }

    /// <summary>
    /// Exchanges a refresh token for a new pair. A token already exchanged once is proof of theft: its whole
    /// family is revoked, so both the thief and the victim must log in again.
    /// </summary>
    public async Task<TokenPair?> RefreshAsync(string refreshToken, RequestOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var now = time.GetUtcNow();
        var record = await refreshTokens.FindAsync(RefreshTokenValue.Hash(refreshToken), cancellationToken).ConfigureAwait(false);
        if (record is null || record.RevokedAt is not null || record.ExpiresAt <= now)
        {
            return null;
        }

        if (record.ConsumedAt is not null
            || !await refreshTokens.TryConsumeAsync(record.TokenHash, now, cancellationToken).ConfigureAwait(false))
        {
            await refreshTokens.RevokeFamilyAsync(record.FamilyId, now, cancellationToken).ConfigureAwait(false);
            // Whoever holds the stolen token may also hold an access token of the family: it ends too.
            await accessTokens.RevokeSessionAsync(record.FamilyId).ConfigureAwait(false);
            SecurityEvents.RefreshTokenReuse(logger, record.UserId, record.FamilyId, origin.ClientIp, origin.CorrelationId);
            return null;
        }

        var user = await users.FindByIdAsync(record.UserId, cancellationToken).ConfigureAwait(false);
        if (user is null || user.IsLockedAt(now) || user.DeletionRequestedAt is not null)
        {
            await refreshTokens.RevokeFamilyAsync(record.FamilyId, now, cancellationToken).ConfigureAwait(false);
            return null;
        }

        return await IssueAsync(user, record.FamilyId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the session the token belongs to, its access tokens included. Unknown tokens are ignored (logout is idempotent).
    /// </summary>
    public async Task RevokeAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var record = await refreshTokens.FindAsync(RefreshTokenValue.Hash(refreshToken), cancellationToken).ConfigureAwait(false);
        if (record is not null)
        {
            await refreshTokens.RevokeFamilyAsync(record.FamilyId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            await accessTokens.RevokeSessionAsync(record.FamilyId).ConfigureAwait(false);
        }
    }
}

/// <summary>What login and refresh answer.</summary>
public sealed record TokenPair(string AccessToken, string RefreshToken, int ExpiresIn)
{
    public string TokenType => "Bearer";
}
