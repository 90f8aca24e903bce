namespace ZodiaCore.IdentityService.Accounts;

/// <summary>Role names carried in the <c>role</c> claim.</summary>
public static class Roles
{
    public const string User = "user";
    public const string Admin = "admin";

    /// <summary>Only ever in client-credentials tokens, never assignable to a user.</summary>
    public const string Service = "service";

    /// <summary>Roles an administrator may give to a user account.</summary>
    public static IReadOnlySet<string> Assignable { get; } = new HashSet<string>(StringComparer.Ordinal) { User, Admin };
}
