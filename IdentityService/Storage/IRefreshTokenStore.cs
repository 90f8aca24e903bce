namespace ZodiaCore.IdentityService.Storage;

/// <summary>Refresh tokens, stored only as hashes (collection <c>refreshTokens</c>).</summary>
public interface IRefreshTokenStore
{
    Task InsertAsync(RefreshTokenRecord token, CancellationToken cancellationToken);

    Task<RefreshTokenRecord?> FindAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>
    /// Marks an active token as used, atomically: exactly one of two concurrent callers gets true.
    /// False when it was already used, revoked or is unknown.
    /// </summary>
    Task<bool> TryConsumeAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    Task<int> RevokeFamilyAsync(string familyId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Revokes every live token of the user, except those of <paramref name="exceptFamilyId"/>.</summary>
    Task<int> RevokeAllForUserAsync(string userId, string? exceptFamilyId, DateTimeOffset now, CancellationToken cancellationToken);

    Task<int> DeleteAllForUserAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Tokens not used, not revoked and not expired at <paramref name="now"/>.</summary>
    Task<long> CountActiveAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Removes tokens that expired before <paramref name="cutoff"/>.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
