namespace ZodiaCore.IdentityService.Accounts;

/// <summary>What a new password must satisfy.</summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    /// <summary>Returns an error message, or null when the password is acceptable.</summary>
    public static string? Check(string? password, string? normalizedEmail)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "A password is required.";
        }

        // Counted in Unicode scalar values, so an emoji counts once.
        var length = password.EnumerateRunes().Count();
        if (length < MinLength || length > MaxLength)
        {
            return $"A password has {MinLength} to {MaxLength} characters.";
        }

        if (normalizedEmail is not null)
        {
            var trimmed = password.Trim();
            var localPart = normalizedEmail.Split('@')[0];
            if (string.Equals(trimmed, normalizedEmail, StringComparison.OrdinalIgnoreCase)
                || string.Equals(trimmed, localPart, StringComparison.OrdinalIgnoreCase))
            {
                return "The password must not be the e-mail address.";
            }
        }

        if (CommonPasswords.Contains(password) || password.Distinct().Count() == 1)
        {
            return "This password is too common; choose another.";
        }

        return null;
    }
}
