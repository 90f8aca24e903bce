namespace ZodiaCore.IdentityService.Passwords;

/// <summary>Outcome of checking a password against a stored hash.</summary>
public enum PasswordVerification
{
    Failed,
    Succeeded,

    /// <summary>Correct, but hashed with weaker parameters than today's: store a new hash.</summary>
    SucceededRehashNeeded,
}
