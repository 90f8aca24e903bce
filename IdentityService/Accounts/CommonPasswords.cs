using System.Collections.Frozen;

namespace ZodiaCore.IdentityService.Accounts;

/// <summary>The built-in list of the most common passwords (Accounts/common-passwords.txt).</summary>
public static class CommonPasswords
{
    private static readonly FrozenSet<string> Entries = Load();

    public static int Count => Entries.Count;

    public static bool Contains(string password) => Entries.Contains(password.Trim());

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("The embedded common-passwords.txt is missing.");
        using var reader = new StreamReader(stream);
        var entries = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                entries.Add(line.Trim());
            }
        }

        return entries.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
