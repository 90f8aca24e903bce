using ZodiaCore.InterpretationService.BuiltIn;
using ZodiaCore.InterpretationService.Charts;

namespace ZodiaCore.InterpretationService.Tests;

/// <summary>Every body reads naturally in every sign and every house: 14 × 12 and 14 × 12 sentences.</summary>
public class KnowledgeCoverageTests
{
    private readonly BuiltInInterpreter interpreter = new();

    public static TheoryData<ZodiacSign> Signs => new(Enum.GetValues<ZodiacSign>());

    public static TheoryData<int> Houses => new(Enumerable.Range(1, 12));

    [Theory]
    [MemberData(nameof(Signs))]
    public void Every_body_in_this_sign_gets_a_sentence_naming_both(ZodiacSign sign)
    {
        var chart = TestCharts.AllBodiesInSign(sign);

        var sentences = Prose.Sentences(Prose.Section(interpreter.Interpret(chart), "planets"));

        foreach (var body in BodyNames.All)
        {
            var sentence = sentences.FirstOrDefault(s => Prose.Names(s, body) && s.Contains(Prose.SignName(sign), StringComparison.Ordinal));
            Assert.True(sentence is { Length: > 40 }, $"no sentence names {body} in {sign}");
        }
    }

    [Theory]
    [MemberData(nameof(Houses))]
    public void Every_body_in_this_house_gets_a_sentence_naming_both(int house)
    {
        var chart = TestCharts.AllBodiesInHouse(house);

        var sentences = Prose.Sentences(Prose.Section(interpreter.Interpret(chart), "houses"));

        foreach (var body in BodyNames.All)
        {
            var sentence = sentences.FirstOrDefault(s => Prose.Names(s, body) && s.Contains(Prose.HouseOrdinal(house), StringComparison.Ordinal));
            Assert.True(sentence is { Length: > 40 }, $"no sentence names {body} in the {Prose.HouseOrdinal(house)}");
        }
    }

    [Fact]
    public void The_two_node_kinds_in_different_signs_are_told_separately()
    {
        var chart = TestCharts.Natal() with
        {
            Bodies = TestCharts.Natal().Bodies
                .Select(b => b.Name == "meanNode" ? TestCharts.Body("meanNode", ZodiacSign.Capricorn, 29.5, 7) : b)
                .ToList(),
        };

        var sentences = Prose.Sentences(Prose.Section(interpreter.Interpret(chart), "planets"));

        Assert.Contains(sentences, s => Prose.Names(s, "meanNode") && s.Contains("Capricorn", StringComparison.Ordinal) && s.Contains("7th house", StringComparison.Ordinal));
        Assert.Contains(sentences, s => Prose.Names(s, "trueNode") && s.Contains("Aquarius", StringComparison.Ordinal) && s.Contains("8th house", StringComparison.Ordinal));
    }
}
