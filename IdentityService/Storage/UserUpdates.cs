using ZodiaCore.IdentityService.Accounts;

namespace ZodiaCore.IdentityService.Storage;

/// <summary>What a read-change-write of one account came to.</summary>
public enum UserUpdateOutcome
{
    /// <summary>The change was written over the version it was applied to.</summary>
    Updated,

    /// <summary>The change asked for nothing to be written (the account as it is already has it).</summary>
    Unchanged,

    /// <summary>The account does not exist (or was deleted meanwhile).</summary>
    NotFound,

    /// <summary>Other writes kept landing between the read and the write; nothing was written.</summary>
    Conflict,
}

/// <summary>The account as the change last saw it (<see cref="Current"/>) and, when written, as it now is.</summary>
public sealed record UserUpdate(UserUpdateOutcome Outcome, UserAccount? Current, UserAccount? Updated);

public static class UserUpdates
{
    // Each retry means another write landed within the ~1 ms between a read and its write; several in a row
    // mean a client hammering one account, which is told to try again rather than served last-write-wins.
    private const int Attempts = 5;

    /// <summary>
    /// Reads the account, applies <paramref name="change"/> and writes the result only over the version it read; when
    /// another write landed in between, reads again and re-applies the change to the account as it now is. The change
    /// returns null to write nothing, and may run more than once, so it must depend only on its argument.
    /// </summary>
    public static async Task<UserUpdate> UpdateAsync(
        this IUserStore users, string id, Func<UserAccount, UserAccount?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        var current = await users.FindByIdAsync(id, cancellationToken).ConfigureAwait(false);
        return current is null
            ? new UserUpdate(UserUpdateOutcome.NotFound, null, null)
            : await users.UpdateAsync(current, change, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As the overload by id, starting from an account already read (a page of a scan, say).</summary>
    public static async Task<UserUpdate> UpdateAsync(
        this IUserStore users, UserAccount current, Func<UserAccount, UserAccount?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var changed = change(current);
            if (changed is null)
            {
                return new UserUpdate(UserUpdateOutcome.Unchanged, current, null);
            }

            if (await users.ReplaceAsync(changed with { Version = current.Version }, cancellationToken).ConfigureAwait(false))
            {
                return new UserUpdate(UserUpdateOutcome.Updated, current, changed with { Version = current.Version + 1 });
            }

            var reread = await users.FindByIdAsync(current.Id, cancellationToken).ConfigureAwait(false);
            if (reread is null)
            {
                return new UserUpdate(UserUpdateOutcome.NotFound, null, null);
            }

            if (attempt == Attempts || reread.Version == current.Version)
            {
                // Same version yet refused: not a race but a collision (another account holds the e-mail hash).
                return new UserUpdate(UserUpdateOutcome.Conflict, reread, null);
            }

            current = reread;
        }
    }
}
