using ZodiaCore.IdentityService.Accounts;

namespace ZodiaCore.IdentityService.Storage;

/// <summary>Accounts, in MongoDB (collection <c>users</c>) or LiteDB.</summary>
public interface IUserStore
{
    /// <summary>Inserts a new account; false when the e-mail hash is already taken.</summary>
    Task<bool> TryCreateAsync(UserAccount user, CancellationToken cancellationToken);

    Task<UserAccount?> FindByIdAsync(string id, CancellationToken cancellationToken);

    /// <summary>Finds the account whose e-mail hash is any of <paramref name="emailHashes"/> (several during key rotation).</summary>
    Task<UserAccount?> FindByEmailHashAsync(IReadOnlyList<string> emailHashes, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the stored account only while it is still at <see cref="UserAccount.Version"/> as read, and raises the
    /// version. False when it changed since it was read, no longer exists, or the e-mail hash collides: read it again and
    /// re-apply the change (<see cref="UserUpdates.UpdateAsync(IUserStore, string, Func{UserAccount, UserAccount?}, CancellationToken)"/>).
    /// </summary>
    Task<bool> ReplaceAsync(UserAccount user, CancellationToken cancellationToken);

    // Every operation below raises the account's version too, so a replace built from an older read fails.

    /// <summary>Atomically adds one failed login and returns the new count.</summary>
    Task<int> IncrementFailedLoginsAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the password hash only while it is still <paramref name="expectedHash"/>, touching no other field: of two
    /// changes made with the same current password only one succeeds, and a lock or failed-login count written while
    /// the new password was being hashed is kept. False when the hash had changed or the user is gone.
    /// </summary>
    Task<bool> ChangePasswordHashAsync(string id, string expectedHash, string newHash, CancellationToken cancellationToken);

    /// <summary>Locks the account until <paramref name="until"/> and clears its failed-login count, touching no other field.</summary>
    Task SetTemporaryLockAsync(string id, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>
    /// Records a successful login in one atomic write: the failed-login count and a temporary lock are cleared and the
    /// last login set (and the password hash, when it was re-hashed). An administrator's lock, or anything else set
    /// while the password was being verified, is kept. Returns the account as it now is, or null when it is gone.
    /// </summary>
    Task<UserAccount?> RecordLoginAsync(string id, DateTimeOffset at, string? rehashedPassword, CancellationToken cancellationToken);

    /// <summary>Newest first; optionally only the accounts whose e-mail hash is one of <paramref name="emailHashes"/>.</summary>
    Task<PagedResult<UserAccount>> ListAsync(int page, int pageSize, IReadOnlyList<string>? emailHashes, CancellationToken cancellationToken);

    /// <summary>Accounts whose deletion was asked and is not finished.</summary>
    Task<IReadOnlyList<UserAccount>> ListPendingDeletionAsync(CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}
