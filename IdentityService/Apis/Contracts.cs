using System.Text.Json;
using System.Text.Json.Serialization;
using ZodiaCore.IdentityService.Accounts;

namespace ZodiaCore.IdentityService.Apis;

/// <summary>Body of <c>POST /api/auth/register</c>. Any other field (roles, id, locked…) is refused with 400.</summary>
public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName)
{
    /// <summary>Collects fields the caller may not set, so they are refused by name instead of silently ignored.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnexpectedFields { get; init; }
}

public sealed record LoginRequest(string? Email, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record TokenResponse(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType);

public sealed record RegisteredResponse(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt);

/// <summary>Body of <c>PATCH /api/users/me</c>: absent fields stay as they are.</summary>
public sealed record UpdateProfileRequest(string? DisplayName, BirthDetails? Birth, LocationDetails? Location)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnexpectedFields { get; init; }
}

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record MeResponse(
    string Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastLogin,
    BirthDetails? Birth,
    LocationDetails? Location);

/// <summary>Everything held about the user: the account here, and each other service's export by service name.</summary>
public sealed record ExportResponse(DateTimeOffset ExportedAt, MeResponse Account, IReadOnlyDictionary<string, JsonElement> Services);

public sealed record DeletionPendingResponse(string Status, string Detail);

public sealed record AdminUserResponse(
    string Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastLogin,
    bool Locked,
    DateTimeOffset? LockedUntil,
    bool DeletionPending);

public sealed record UpdateRolesRequest(IReadOnlyList<string>? Roles);

/// <summary>The OAuth 2.0 token response for client credentials (RFC 6749 names).</summary>
public sealed record ServiceTokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
