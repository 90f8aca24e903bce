namespace ZodiaCore.IdentityService.Accounts;

/// <summary>Configuration section <c>Identity:Lockout</c>.</summary>
public sealed class LockoutOptions
{
    public const string SectionName = "Identity:Lockout";

    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}
