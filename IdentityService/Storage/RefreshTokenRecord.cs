namespace ZodiaCore.IdentityService.Storage;

/// <summary>One refresh token. <see cref="FamilyId"/> links every token rotated from the same login.</summary>
public sealed record RefreshTokenRecord
{
    /// <summary>SHA-256 of the token (base64url); the token itself is never stored.</summary>
    public required string TokenHash { get; init; }

    public required string UserId { get; init; }

    public required string FamilyId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When it was exchanged for a new token; a second use means it was stolen.</summary>
    public DateTimeOffset? ConsumedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public bool IsActiveAt(DateTimeOffset now) => ConsumedAt is null && RevokedAt is null && ExpiresAt > now;
}
