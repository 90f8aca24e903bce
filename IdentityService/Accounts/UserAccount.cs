namespace ZodiaCore.IdentityService.Accounts;

/// <summary>A stored account. Personal data is held only as ciphertext (and the e-mail also as a keyed hash).</summary>
public sealed record UserAccount
{
    public required string Id { get; init; }

    /// <summary>HMAC of the normalised e-mail under the current encryption key: unique, used for lookup.</summary>
    public required string EmailHash { get; init; }

    /// <summary>AES-GCM ciphertext of the normalised e-mail (field <c>email</c>).</summary>
    public required byte[] EmailCiphertext { get; init; }

    public required string DisplayName { get; init; }

    public required string PasswordHash { get; init; }

    public required IReadOnlyList<string> Roles { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? LastLogin { get; init; }

    public int FailedLoginCount { get; init; }

    /// <summary>Set by the automatic lockout; the account opens again at this time.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>Set by an administrator; stays until an administrator unlocks.</summary>
    public bool LockedByAdmin { get; init; }

    /// <summary>AES-GCM ciphertext of the birth object as JSON (field <c>birth</c>).</summary>
    public byte[]? BirthCiphertext { get; init; }

    /// <summary>AES-GCM ciphertext of the location object as JSON (field <c>location</c>).</summary>
    public byte[]? LocationCiphertext { get; init; }

    /// <summary>Set when deletion was asked but some service still holds the user's data; the account is closed.</summary>
    public DateTimeOffset? DeletionRequestedAt { get; init; }

    /// <summary>
    /// Raised by every write (field <c>version</c>). A whole-account replace succeeds only over the version it read, so
    /// a write made in between (a lock, a login, a deletion, a re-encryption) is never overwritten by a stale copy.
    /// </summary>
    public long Version { get; init; }

    public bool IsLockedAt(DateTimeOffset now) => LockedByAdmin || (LockedUntil is { } until && until > now);
}
