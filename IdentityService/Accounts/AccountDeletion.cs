using Microsoft.Extensions.Options;
using ZodiaCore.IdentityService.Downstream;
using ZodiaCore.IdentityService.Observability;
using ZodiaCore.IdentityService.Storage;
using ZodiaCore.IdentityService.Tokens;

namespace ZodiaCore.IdentityService.Accounts;

/// <summary>
/// Deletes an account and everything other services hold about it. The account is closed at once (no login,
/// sessions revoked) and every service deletes the user's data; the maintenance worker retries a service that did not
/// confirm. Access tokens issued before the closing are revoked (<see cref="AccessTokenRevocation"/>), but where
/// that cannot reach a service (Redis down) they stay valid there until they expire, so the closed record is kept until
/// the last of them has expired and the services are asked once more then: whatever was saved with such a token in
/// between is removed too, and no service is left holding orphaned data.
/// </summary>
public sealed class AccountDeletion(
    IUserStore users,
    IRefreshTokenStore refreshTokens,
    AccessTokenRevocation accessTokens,
    UserDataServices services,
    IOptions<IdentityTokenOptions> tokenOptions,
    TimeProvider time,
    ILogger<AccountDeletion> logger)
{
    /// <summary>
    /// Closes the account if it is not closed yet, then deletes the user's data everywhere; the record itself goes at
    /// the final pass, after the access-token horizon.
    /// </summary>
    public async Task<DeletionProgress> DeleteAsync(UserAccount user, RequestOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(origin);
        var closing = false;
        if (user.DeletionRequestedAt is null)
        {
            // Only over the version read: a profile change or lock written meanwhile must not reopen a closed account.
            var now = time.GetUtcNow();
            var close = await users.UpdateAsync(user, current => current.DeletionRequestedAt is null ? current with { DeletionRequestedAt = now } : null,
                cancellationToken).ConfigureAwait(false);
            switch (close.Outcome)
            {
                case UserUpdateOutcome.NotFound:
                    return DeletionProgress.DataDeleted;
                case UserUpdateOutcome.Conflict:
                    return DeletionProgress.NotClosed;
            }

            closing = close.Outcome == UserUpdateOutcome.Updated;
            user = close.Updated ?? close.Current!;
            if (closing)
            {
                await accessTokens.RevokeUserAsync(user.Id).ConfigureAwait(false);
            }
        }

        // Taken before the services are asked: a pass that started after the horizon has seen every write made
        // with a token from before the closing.
        var finalPass = time.GetUtcNow() >= TokenHorizon(user);
        await refreshTokens.DeleteAllForUserAsync(user.Id, cancellationToken).ConfigureAwait(false);
        var failed = await services.DeleteUserDataAsync(user.Id, cancellationToken).ConfigureAwait(false);
        if (failed.Count > 0)
        {
            var pending = "pending, not confirmed by " + string.Join(", ", failed);
            SecurityEvents.AccountDeletion(logger, user.Id, pending, origin.CorrelationId);
            return DeletionProgress.Pending;
        }

        if (!finalPass)
        {
            if (closing)
            {
                var closed = $"data deleted; final pass after the access-token horizon {TokenHorizon(user):O}";
                SecurityEvents.AccountDeletion(logger, user.Id, closed, origin.CorrelationId);
            }

            return DeletionProgress.DataDeleted;
        }

        await users.DeleteAsync(user.Id, cancellationToken).ConfigureAwait(false);
        SecurityEvents.AccountDeletion(logger, user.Id, "completed", origin.CorrelationId);
        return DeletionProgress.DataDeleted;
    }

    /// <summary>When the last access token issued before the closing has expired, clock skew included.</summary>
    private DateTimeOffset TokenHorizon(UserAccount user) =>
        user.DeletionRequestedAt!.Value + tokenOptions.Value.AccessTokenLifetime + TokenValidation.ClockSkew;
}

/// <summary>How far a pass of <see cref="AccountDeletion.DeleteAsync"/> got.</summary>
public enum DeletionProgress
{
    /// <summary>Every service has deleted the user's data (the account record goes at the final pass).</summary>
    DataDeleted,

    /// <summary>The account is closed but a service did not confirm; the maintenance worker retries.</summary>
    Pending,

    /// <summary>Other writes to the account kept landing, so it was not closed and nothing was deleted.</summary>
    NotClosed,
}
