using System.Globalization;

namespace ZodiaCore.InterpretationService.BuiltIn;

/// <summary>The small pieces of English grammar the sentence builders share.</summary>
internal static class Phrasing
{
    private static readonly string[] NumberWords =
    [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen",
    ];

    /// <summary>"1st", "2nd", "11th", "22nd".</summary>
    public static string Ordinal(int number)
    {
        var suffix = (number % 100) is 11 or 12 or 13
            ? "th"
            : (number % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return string.Create(CultureInfo.InvariantCulture, $"{number}{suffix}");
    }

    public static string NumberWord(int number) =>
        number >= 0 && number < NumberWords.Length
            ? NumberWords[number]
            : number.ToString(CultureInfo.InvariantCulture);

    /// <summary>"a" or "an" before a phrase, by its first letter (the lore avoids words where sound and spelling disagree).</summary>
    public static string WithArticle(string phrase) =>
        ("aeiouAEIOU".Contains(phrase[0], StringComparison.Ordinal) ? "an " : "a ") + phrase;

    /// <summary>"x", "x and y", "x, y and z".</summary>
    public static string JoinList(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    /// <summary>Degrees and whole minutes: 2.1667 → "2°10'". Positions truncate, as ephemerides print them (29°59'59" never shows as 30°).</summary>
    public static string DegreesAndMinutes(double degrees, bool truncate = false)
    {
        var minutes = Math.Abs(degrees) * 60.0;
        var totalMinutes = (int)(truncate ? Math.Floor(minutes) : Math.Round(minutes, MidpointRounding.AwayFromZero));
        return string.Create(CultureInfo.InvariantCulture, $"{totalMinutes / 60}°{totalMinutes % 60:00}'");
    }

    public static string Capitalise(string text) =>
        text.Length == 0 || char.IsUpper(text[0]) ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>A finished sentence: capitalised, ending in a full stop.</summary>
    public static string Sentence(string text)
    {
        var trimmed = text.Trim();
        return Capitalise(trimmed.EndsWith('.') ? trimmed : trimmed + ".");
    }
}
