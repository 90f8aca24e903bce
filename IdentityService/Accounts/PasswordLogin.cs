using Microsoft.Extensions.Options;
using ZodiaCore.IdentityService.Observability;
using ZodiaCore.IdentityService.Passwords;
using ZodiaCore.IdentityService.Storage;
using ZodiaCore.IdentityService.Tokens;

namespace ZodiaCore.IdentityService.Accounts;

/// <summary>E-mail + password login with lockout after repeated failures.</summary>
public sealed class PasswordLogin(
    IUserStore users,
    PasswordHasher hasher,
    PersonalDataProtector protector,
    SessionTokens sessions,
    IdentityMetrics metrics,
    IOptions<LockoutOptions> lockout,
    TimeProvider time,
    ILogger<PasswordLogin> logger)
{
    public async Task<LoginResult> LoginAsync(string? email, string? password, RequestOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var normalized = EmailAddress.Normalize(email, out _);
        var user = normalized is null ? null
            : await users.FindByEmailHashAsync(protector.CandidateEmailHashes(normalized), cancellationToken).ConfigureAwait(false);
        password ??= string.Empty;

        if (user is null || user.DeletionRequestedAt is not null)
        {
            // The same Argon2 work as a real check, so response time does not reveal whether the account exists.
            hasher.VerifyAgainstDummy(password);
            return Fail(null, "unknown account");
        }

        var now = time.GetUtcNow();
        if (user.IsLockedAt(now))
        {
            return Locked(user, hasher.Verify(password, user.PasswordHash), user.LockedByAdmin ? null : user.LockedUntil);
        }

        // The attempt is counted before the slow password check, so attempts made in parallel cannot all pass the lock
        // check above while the first ones are still being verified: those beyond the limit are answered as locked.
        var attempt = await users.IncrementFailedLoginsAsync(user.Id, cancellationToken).ConfigureAwait(false);
        var verification = hasher.Verify(password, user.PasswordHash);
        if (attempt > lockout.Value.MaxFailedAttempts)
        {
            // Normally the attempt that reached the limit has locked the account; if it has not (it succeeded, or
            // never finished), lock it now, so the count cannot stay over the limit with no lock that expires.
            var current = await users.FindByIdAsync(user.Id, cancellationToken).ConfigureAwait(false) ?? user;
            var until = current.IsLockedAt(now) ? current.LockedUntil : await LockAsync(attempt).ConfigureAwait(false);
            return Locked(user, verification, until);
        }

        if (verification == PasswordVerification.Failed)
        {
            if (attempt == lockout.Value.MaxFailedAttempts)
            {
                await LockAsync(attempt).ConfigureAwait(false);
            }

            return Fail(user.Id, "wrong password");
        }

        // Only the login's own fields, not the account as read before the check: an administrator's lock or a deletion
        // that landed while the password was being verified is kept, and refuses this login.
        var rehashed = verification == PasswordVerification.SucceededRehashNeeded ? hasher.Hash(password) : null;
        var updated = await users.RecordLoginAsync(user.Id, now, rehashed, cancellationToken).ConfigureAwait(false);
        if (updated is null || updated.DeletionRequestedAt is not null)
        {
            return Fail(user.Id, "account closed during login");
        }

        if (updated.LockedByAdmin)
        {
            return Locked(updated, verification, null);
        }

        var tokens = await sessions.IssueAsync(updated, familyId: null, cancellationToken).ConfigureAwait(false);
        metrics.Login("success");
        SecurityEvents.LoginSucceeded(logger, user.Id, origin.ClientIp, origin.CorrelationId);
        return LoginResult.Success(tokens);

        async Task<DateTimeOffset> LockAsync(int failures)
        {
            var until = now + lockout.Value.Duration;
            await users.SetTemporaryLockAsync(user.Id, until, cancellationToken).ConfigureAwait(false);
            metrics.Lockout();
            SecurityEvents.AccountLocked(logger, user.Id, until, failures, origin.ClientIp, origin.CorrelationId);
            return until;
        }

        LoginResult Locked(UserAccount account, PasswordVerification verification, DateTimeOffset? until)
        {
            metrics.Login("locked");
            SecurityEvents.LoginFailed(logger, account.Id, origin.ClientIp, "account locked", origin.CorrelationId);
            // Only someone who knows the password learns that the account is locked.
            return verification == PasswordVerification.Failed ? LoginResult.InvalidCredentials : LoginResult.Locked(until);
        }

        LoginResult Fail(string? userId, string reason)
        {
            metrics.Login("failure");
            SecurityEvents.LoginFailed(logger, userId, origin.ClientIp, reason, origin.CorrelationId);
            return LoginResult.InvalidCredentials;
        }
    }
}

/// <summary>Outcome of a login attempt.</summary>
public sealed record LoginResult(TokenPair? Tokens, bool IsLocked, DateTimeOffset? LockedUntil)
{
    public static LoginResult InvalidCredentials { get; } = new(null, false, null);

    public static LoginResult Success(TokenPair tokens) => new(tokens, false, null);

    public static LoginResult Locked(DateTimeOffset? until) => new(null, true, until);
}
