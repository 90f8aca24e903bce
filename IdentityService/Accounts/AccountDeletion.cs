using ZodiaCore.IdentityService.Downstream;
using ZodiaCore.IdentityService.Observability;
using ZodiaCore.IdentityService.Storage;

namespace ZodiaCore.IdentityService.Accounts;

/// <summary>
/// Deletes an account and everything other services hold about it. The account is closed at once (no login,
/// sessions revoked) and kept as a pending deletion until every service has confirmed; the maintenance worker
/// retries, so no service is left holding orphaned data.
/// </summary>
public sealed class AccountDeletion(
    IUserStore users,
    IRefreshTokenStore refreshTokens,
    UserDataServices services,
    TimeProvider time,
    ILogger<AccountDeletion> logger)
{
    /// <summary>True when the account is gone; false when it stays pending because a service did not confirm.</summary>
    public async Task<bool> DeleteAsync(UserAccount user, RequestOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(origin);
        if (user.DeletionRequestedAt is null)
        {
            user = user with { DeletionRequestedAt = time.GetUtcNow() };
            await users.ReplaceAsync(user, cancellationToken).ConfigureAwait(false);
        }

        await refreshTokens.DeleteAllForUserAsync(user.Id, cancellationToken).ConfigureAwait(false);
        var failed = await services.DeleteUserDataAsync(user.Id, cancellationToken).ConfigureAwait(false);
        if (failed.Count > 0)
        {
            var outcome = "pending, not confirmed by " + string.Join(", ", failed);
            SecurityEvents.AccountDeletion(logger, user.Id, outcome, origin.CorrelationId);
            return false;
        }

        await users.DeleteAsync(user.Id, cancellationToken).ConfigureAwait(false);
        SecurityEvents.AccountDeletion(logger, user.Id, "completed", origin.CorrelationId);
        return true;
    }
}
