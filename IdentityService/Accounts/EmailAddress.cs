using System.Net.Mail;
using System.Text;

namespace ZodiaCore.IdentityService.Accounts;

/// <summary>E-mail validation and the normal form used for hashing and uniqueness.</summary>
public static class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>Trims, applies Unicode NFC and lower-cases; returns null with an error when invalid.</summary>
    public static string? Normalize(string? input, out string? error)
    {
        error = null;
        var text = input?.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();
        if (string.IsNullOrEmpty(text))
        {
            error = "An e-mail address is required.";
            return null;
        }

        if (text.Length > MaxLength)
        {
            error = $"An e-mail address has at most {MaxLength} characters.";
            return null;
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        var valid = at > 0
            && at == text.LastIndexOf('@')
            && at < text.Length - 1
            && text.IndexOf('.', at) > at + 1
            && !text.EndsWith('.')
            && !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '"' or '(' or ')' or ',' or ';' or '\\')
            && MailAddress.TryCreate(text, out var parsed)
            && string.Equals(parsed.Address, text, StringComparison.Ordinal);
        if (!valid)
        {
            error = "The e-mail address is not valid.";
            return null;
        }

        return text;
    }
}
