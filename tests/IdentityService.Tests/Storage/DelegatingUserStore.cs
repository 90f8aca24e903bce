using ZodiaCore.IdentityService.Accounts;
using ZodiaCore.IdentityService.Storage;

namespace ZodiaCore.IdentityService.Tests.Storage;

/// <summary>A real store passed through, for stand-ins that slip a write in between a caller's read and its write.</summary>
public class DelegatingUserStore(IUserStore inner) : IUserStore
{
    protected IUserStore Inner { get; } = inner;

    public virtual Task<bool> TryCreateAsync(UserAccount user, CancellationToken cancellationToken) => Inner.TryCreateAsync(user, cancellationToken);

    public virtual Task<UserAccount?> FindByIdAsync(string id, CancellationToken cancellationToken) => Inner.FindByIdAsync(id, cancellationToken);

    public virtual Task<UserAccount?> FindByEmailHashAsync(IReadOnlyList<string> emailHashes, CancellationToken cancellationToken) =>
        Inner.FindByEmailHashAsync(emailHashes, cancellationToken);

    public virtual Task<bool> ReplaceAsync(UserAccount user, CancellationToken cancellationToken) => Inner.ReplaceAsync(user, cancellationToken);

    public virtual Task<int> IncrementFailedLoginsAsync(string id, CancellationToken cancellationToken) => Inner.IncrementFailedLoginsAsync(id, cancellationToken);

    public virtual Task<bool> ChangePasswordHashAsync(string id, string expectedHash, string newHash, CancellationToken cancellationToken) =>
        Inner.ChangePasswordHashAsync(id, expectedHash, newHash, cancellationToken);

    public virtual Task SetTemporaryLockAsync(string id, DateTimeOffset until, CancellationToken cancellationToken) =>
        Inner.SetTemporaryLockAsync(id, until, cancellationToken);

    public virtual Task<UserAccount?> RecordLoginAsync(string id, DateTimeOffset at, string? rehashedPassword, CancellationToken cancellationToken) =>
        Inner.RecordLoginAsync(id, at, rehashedPassword, cancellationToken);

    public virtual Task<PagedResult<UserAccount>> ListAsync(int page, int pageSize, IReadOnlyList<string>? emailHashes, CancellationToken cancellationToken) =>
        Inner.ListAsync(page, pageSize, emailHashes, cancellationToken);

    public virtual Task<IReadOnlyList<UserAccount>> ListPendingDeletionAsync(CancellationToken cancellationToken) => Inner.ListPendingDeletionAsync(cancellationToken);

    public virtual Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => Inner.DeleteAsync(id, cancellationToken);
}

/// <summary>
/// Before a whole-account replace goes through, runs <see cref="BeforeReplace"/> on the real store: another writer
/// (an administrator, a login, the user) landing between the caller's read and its write.
/// </summary>
public sealed class InterleavingUserStore(IUserStore inner) : DelegatingUserStore(inner)
{
    /// <summary>Runs before each replace; cleared after one run unless <see cref="EveryTime"/>.</summary>
    public Func<IUserStore, UserAccount, Task>? BeforeReplace { get; set; }

    public bool EveryTime { get; set; }

    public override async Task<bool> ReplaceAsync(UserAccount user, CancellationToken cancellationToken)
    {
        if (BeforeReplace is { } interleave)
        {
            BeforeReplace = EveryTime ? interleave : null;
            await interleave(Inner, user);
        }

        return await Inner.ReplaceAsync(user, cancellationToken);
    }
}
