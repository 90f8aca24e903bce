using Microsoft.Extensions.Options;
using ZodiaCore.IdentityService.Downstream;
using ZodiaCore.IdentityService.Observability;
using ZodiaCore.IdentityService.Storage;
using ZodiaCore.IdentityService.Tokens;

namespace ZodiaCore.IdentityService.Accounts;

/// <summary>
/// Deletes an account and everything other services hold about it. The account is closed at once (no login,
/// sessions revoked) and every service deletes the user's data; the maintenance worker retries a service that did not
/// confirm. Access tokens issued before the closing stay valid until they expire, and the services accept them, so
/// the closed record is kept until the last of them has expired and the services are asked once more then: whatever
/// was saved with such a token in between is removed too, and no service is left holding orphaned data.
/// </summary>
public sealed class AccountDeletion(
    IUserStore users,
    IRefreshTokenStore refreshTokens,
    UserDataServices services,
    IOptions<IdentityTokenOptions> tokenOptions,
    TimeProvider time,
    ILogger<AccountDeletion> logger)
{
    /// <summary>
    /// True when every service has deleted the user's data (the record itself goes at the final pass, after the
    /// access-token horizon); false when the deletion stays pending because a service did not confirm.
    /// </summary>
    public async Task<bool> DeleteAsync(UserAccount user, RequestOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(origin);
        var closing = user.DeletionRequestedAt is null;
        if (closing)
        {
            user = user with { DeletionRequestedAt = time.GetUtcNow() };
            await users.ReplaceAsync(user, cancellationToken).ConfigureAwait(false);
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
            return false;
        }

        if (!finalPass)
        {
            if (closing)
            {
                var closed = $"data deleted; final pass after the access-token horizon {TokenHorizon(user):O}";
                SecurityEvents.AccountDeletion(logger, user.Id, closed, origin.CorrelationId);
            }

            return true;
        }

        await users.DeleteAsync(user.Id, cancellationToken).ConfigureAwait(false);
        SecurityEvents.AccountDeletion(logger, user.Id, "completed", origin.CorrelationId);
        return true;
    }

    /// <summary>When the last access token issued before the closing has expired, clock skew included.</summary>
    private DateTimeOffset TokenHorizon(UserAccount user) =>
        user.DeletionRequestedAt!.Value + tokenOptions.Value.AccessTokenLifetime + TokenValidation.ClockSkew;
}
