using System.Text.RegularExpressions;
using ZodiaCore.InterpretationService.Charts;
using ZodiaCore.InterpretationService.Interpretations;

namespace ZodiaCore.InterpretationService.Tests;

/// <summary>Reading the interpreter's text the way the tests need: sentences, and which body a sentence names.</summary>
internal static partial class Prose
{
    public static readonly string[] SignNames =
    [
        "Aries", "Taurus", "Gemini", "Cancer", "Leo", "Virgo", "Libra", "Scorpio", "Sagittarius", "Capricorn", "Aquarius", "Pisces",
    ];

    public static IReadOnlyList<string> Sentences(string text) =>
        SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    public static IReadOnlyList<string> Sentences(InterpretationResult result) =>
        result.Sections.SelectMany(s => Sentences(s.Text)).ToList();

    public static string Section(InterpretationResult result, string key) =>
        result.Sections.Single(s => s.Key == key).Text;

    public static string SignName(ZodiacSign sign) => SignNames[(int)sign];

    public static string HouseOrdinal(int house) => house switch
    {
        1 => "1st house",
        2 => "2nd house",
        3 => "3rd house",
        _ => $"{house}th house",
    };

    /// <summary>Whether a sentence speaks of the body: its English name, told apart from its look-alikes.</summary>
    public static bool Names(string sentence, string body) => body switch
    {
        "sun" => Word(sentence, "Sun"),
        "moon" => Regex.IsMatch(sentence, @"(?<!Black )\bMoon\b"),
        "trueNode" => sentence.Contains("North Node", StringComparison.Ordinal) && Word(sentence, "true"),
        "meanNode" => sentence.Contains("North Node", StringComparison.Ordinal) && Word(sentence, "mean"),
        _ => Word(sentence, char.ToUpperInvariant(body[0]) + body[1..]),
    };

    public static int WordCount(InterpretationResult result) =>
        result.Sections.Sum(s => WordCount(s.Text));

    public static int WordCount(string text) =>
        text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;

    private static bool Word(string sentence, string word) => Regex.IsMatch(sentence, $@"\b{Regex.Escape(word)}\b");

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();
}
