using System.Text.RegularExpressions;
using ZodiaCore.InterpretationService.BuiltIn;
using ZodiaCore.InterpretationService.Charts;
using ZodiaCore.InterpretationService.Interpretations;

namespace ZodiaCore.InterpretationService.Tests;

/// <summary>The text must read as written, not assembled: no seams, no placeholders, no sentence said twice.</summary>
public class BuiltInInterpreterTextQualityTests
{
    private static readonly (string Pattern, string Seam)[] Seams =
    [
        (@"[{}]", "an unfilled placeholder brace"),
        (@"\bnull\b", "a null rendered as text"),
        (@"\b(NaN|Infinity)\b", "a number that is not one"),
        (@"  ", "a double space"),
        (@"\b(a|an|the) (a|an|the)\b", "a doubled article"),
        (@"\ba [aeiouAEIOU]", "'a' before a vowel"),
        (@"\ban [b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z]", "'an' before a consonant"),
        (@"\b(\w+) \1\b", "a doubled word"),
        (@"\s[,.;:]", "a space before punctuation"),
        (@"[,;:]\.|\.\.|,,", "doubled punctuation"),
        (@"\(\s*\)", "empty parentheses"),
        (@"ZodiacSign|BodyLore|SectionKey|System\.", "a type name"),
    ];

    private readonly BuiltInInterpreter interpreter = new();

    public static TheoryData<string, InterpretationLength> FixedCharts()
    {
        var data = new TheoryData<string, InterpretationLength>();
        foreach (var chart in new[] { "natal", "timeUnknown" })
        {
            foreach (var length in Enum.GetValues<InterpretationLength>())
            {
                data.Add(chart, length);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixedCharts))]
    public void Fixed_charts_read_without_seams_or_repeated_sentences(string name, InterpretationLength length)
    {
        var chart = name == "natal" ? TestCharts.Natal() : TestCharts.TimeUnknown();

        var result = interpreter.Interpret(chart, new(Length: length));

        AssertReadsCleanly(result);
    }

    [Fact]
    public void Three_hundred_random_charts_read_without_seams_or_repeated_sentences()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var chart = TestCharts.Random(seed, timeUnknown: seed % 10 == 0);
            var length = (InterpretationLength)(seed % 3);

            var result = interpreter.Interpret(chart, new(Length: length));

            AssertReadsCleanly(result, $"random chart {seed}, {length}");
        }
    }

    [Fact]
    public void Charts_with_every_body_in_one_sign_or_one_house_read_without_repeated_sentences()
    {
        foreach (var sign in Enum.GetValues<ZodiacSign>())
        {
            AssertReadsCleanly(interpreter.Interpret(TestCharts.AllBodiesInSign(sign), new(Length: InterpretationLength.Long)), sign.ToString());
        }

        for (var house = 1; house <= 12; house++)
        {
            AssertReadsCleanly(interpreter.Interpret(TestCharts.AllBodiesInHouse(house), new(Length: InterpretationLength.Long)), $"house {house}");
        }
    }

    private static void AssertReadsCleanly(InterpretationResult result, string context = "")
    {
        foreach (var section in result.Sections)
        {
            Assert.False(string.IsNullOrWhiteSpace(section.Text), $"{context}: section {section.Key} is empty");
            foreach (var (pattern, seam) in Seams)
            {
                var match = Regex.Match(section.Text, pattern);
                Assert.False(match.Success, $"{context}: {seam} in {section.Key} near '{Around(section.Text, match.Index)}'");
            }

            foreach (var sentence in Prose.Sentences(section.Text))
            {
                Assert.True(char.IsUpper(sentence[0]), $"{context}: '{sentence}' does not start with a capital");
                Assert.True(sentence.EndsWith('.'), $"{context}: '{sentence}' does not end with a full stop");
                Assert.True(Prose.WordCount(sentence) >= 5, $"{context}: '{sentence}' is a fragment");
            }
        }

        var duplicates = Prose.Sentences(result)
            .GroupBy(s => s, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToList();
        Assert.True(duplicates.Count == 0, $"{context}: repeated sentences: {string.Join(" | ", duplicates)}");
    }

    private static string Around(string text, int index) =>
        text.Substring(Math.Max(0, index - 30), Math.Min(60, text.Length - Math.Max(0, index - 30)));
}
