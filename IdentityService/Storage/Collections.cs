namespace ZodiaCore.IdentityService.Storage;

/// <summary>Collection names, the same in MongoDB and LiteDB.</summary>
public static class Collections
{
    public const string Users = "users";
    public const string RefreshTokens = "refreshTokens";
    public const string SigningKeys = "signingKeys";
}
