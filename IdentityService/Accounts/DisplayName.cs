namespace ZodiaCore.IdentityService.Accounts;

/// <summary>Display-name rules: plain text, no markup, limited length.</summary>
public static class DisplayName
{
    public const int MaxLength = 64;

    /// <summary>Returns the trimmed name, or null with an error.</summary>
    public static string? Normalize(string? input, out string? error)
    {
        error = null;
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = "A display name is required.";
            return null;
        }

        if (text.EnumerateRunes().Count() > MaxLength)
        {
            error = $"A display name has at most {MaxLength} characters.";
            return null;
        }

        // Rejecting the characters markup needs is simpler and safer than trying to strip markup.
        if (text.Any(c => c is '<' or '>' or '&' or '"' or '`' || char.IsControl(c)))
        {
            error = "A display name must not contain markup or control characters (< > & \" `).";
            return null;
        }

        return text;
    }
}
