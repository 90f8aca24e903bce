using System.Text.RegularExpressions;
using ZodiaCore.InterpretationService.BuiltIn;
using ZodiaCore.InterpretationService.Charts;
using ZodiaCore.InterpretationService.Interpretations;

namespace ZodiaCore.InterpretationService.Tests;

public class BuiltInInterpreterContentTests
{
    private static readonly string[] KindMarkers = ["conjunct", "sextile", "square", "trine", "oppos"];

    private readonly BuiltInInterpreter interpreter = new();

    public static TheoryData<InterpretationLength> Lengths => new(Enum.GetValues<InterpretationLength>());

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Each_body_is_named_with_its_own_sign_and_house_in_the_planets_section(InterpretationLength length)
    {
        var chart = TestCharts.Natal();

        var sentences = Prose.Sentences(Prose.Section(interpreter.Interpret(chart, new(Length: length)), "planets"));

        // A short reading keeps to the ten planets.
        var expected = length == InterpretationLength.Short
            ? chart.Bodies.Where(b => BodyNames.Planets.Contains(b.Name))
            : chart.Bodies;
        foreach (var body in expected)
        {
            var sign = Prose.SignName(body.Sign);
            var house = Prose.HouseOrdinal(body.House!.Value);
            Assert.Contains(sentences, s => Prose.Names(s, body.Name) && s.Contains(sign, StringComparison.Ordinal) && s.Contains(house, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void No_sentence_about_a_body_names_a_sign_other_than_its_own()
    {
        var chart = TestCharts.Natal();

        var sentences = Prose.Sentences(Prose.Section(interpreter.Interpret(chart, new(Length: InterpretationLength.Long)), "planets"));

        foreach (var body in chart.Bodies)
        {
            foreach (var sentence in sentences.Where(s => Prose.Names(s, body.Name)))
            {
                var named = Prose.SignNames.Where(n => sentence.Contains(n, StringComparison.Ordinal));
                Assert.All(named, n => Assert.Equal(Prose.SignName(body.Sign), n));
            }
        }
    }

    [Fact]
    public void Each_body_is_placed_in_its_house_in_the_houses_section()
    {
        var chart = TestCharts.Natal();

        var sentences = Prose.Sentences(Prose.Section(interpreter.Interpret(chart), "houses"));

        foreach (var body in chart.Bodies)
        {
            var house = Prose.HouseOrdinal(body.House!.Value);
            Assert.Contains(sentences, s => Prose.Names(s, body.Name) && s.Contains(house, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_ascendant_and_midheaven_signs_come_from_the_angles()
    {
        var text = Prose.Section(interpreter.Interpret(TestCharts.Natal()), "houses");

        // Ascendant 95.5° is 5°30' Cancer; midheaven 345° is 15° Pisces.
        Assert.Matches(@"Cancer (rising|is on the ascendant|was rising)", text);
        Assert.Matches(@"midheaven in Pisces|Pisces crowns the chart at the midheaven", text);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Each_major_aspect_is_told_exactly_once_in_the_aspects_section(InterpretationLength length)
    {
        var chart = TestCharts.Natal();

        var sentences = Prose.Sentences(Prose.Section(interpreter.Interpret(chart, new(Length: length)), "aspects"));

        var majors = chart.Aspects!
            .Where(a => KindMarkers.Any(k => a.Kind.StartsWith(k, StringComparison.Ordinal)))
            .Where(a => !(a.First.EndsWith("Node", StringComparison.Ordinal) && a.Second.EndsWith("Node", StringComparison.Ordinal)))
            .OrderBy(a => a.Orb)
            .ToList();
        Assert.Equal(7, majors.Count);
        var told = length == InterpretationLength.Short ? majors.Take(3) : majors;
        foreach (var aspect in told)
        {
            var about = sentences.Where(s => Prose.Names(s, aspect.First) && Prose.Names(s, aspect.Second)).ToList();
            var sentence = Assert.Single(about);
            Assert.Contains(KindMarkers.Single(k => aspect.Kind.StartsWith(k, StringComparison.Ordinal)), sentence, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_short_reading_tells_only_the_three_tightest_aspects()
    {
        var chart = TestCharts.Natal();

        var text = Prose.Section(interpreter.Interpret(chart, new(Length: InterpretationLength.Short)), "aspects");

        Assert.Contains("Saturn", text, StringComparison.Ordinal);   // sun–saturn, orb 0.32
        Assert.DoesNotContain("Neptune", text, StringComparison.Ordinal); // uranus–neptune, orb 5.6
        Assert.DoesNotContain("Jupiter", text, StringComparison.Ordinal); // venus–jupiter and jupiter–uranus, orbs 4.0 and 6.4
    }

    [Fact]
    public void Minor_aspects_and_the_two_nodes_meeting_each_other_are_not_told_as_major_aspects()
    {
        var sentences = Prose.Sentences(Prose.Section(interpreter.Interpret(TestCharts.Natal(), new(Length: InterpretationLength.Long)), "aspects"));

        Assert.DoesNotContain(sentences, s => Prose.Names(s, "mercury") && Prose.Names(s, "pluto"));
        Assert.DoesNotContain(sentences, s => Prose.Names(s, "trueNode") && Prose.Names(s, "meanNode"));
    }

    [Fact]
    public void Aspects_to_the_angles_are_left_out_of_the_body_aspects()
    {
        var chart = TestCharts.Natal() with
        {
            Aspects = [.. TestCharts.Natal().Aspects!, new ChartAspect("venus", "ascendant", "trine", 120, 2.5, null)],
        };

        var text = Prose.Section(interpreter.Interpret(chart, new(Length: InterpretationLength.Long)), "aspects");

        Assert.DoesNotContain("ascendant", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("this chart holds seven major aspects", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_chart_with_no_major_aspects_says_so()
    {
        var text = Prose.Section(interpreter.Interpret(TestCharts.Natal() with { Aspects = [] }), "aspects");

        Assert.Contains("no major aspects", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_time_unknown_chart_mentions_no_house_numbers_and_says_houses_are_unknown()
    {
        var result = interpreter.Interpret(TestCharts.TimeUnknown(), new(Length: InterpretationLength.Long));

        var all = string.Join("\n", result.Sections.Select(s => s.Text));
        Assert.DoesNotMatch(@"\b\d{1,2}(st|nd|rd|th) house", all);
        Assert.DoesNotMatch(@"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth) house", all);
        Assert.DoesNotMatch(@"\b(Aries|Taurus|Gemini|Cancer|Leo|Virgo|Libra|Scorpio|Sagittarius|Capricorn|Aquarius|Pisces) (rising|on the ascendant)", all);
        Assert.DoesNotContain("midheaven in", all, StringComparison.Ordinal);
        Assert.Contains("birth time is unknown", Prose.Section(result, "houses"), StringComparison.Ordinal);
        Assert.Contains(result.Warnings, w => w.Code == InterpretationWarningCodes.HousesUnknown);
    }

    [Fact]
    public void A_chart_with_houses_carries_no_houses_warning()
    {
        var result = interpreter.Interpret(TestCharts.Natal());

        Assert.Empty(result.Warnings);
        Assert.False(result.LanguageFallback);
    }

    [Fact]
    public void A_polar_fallback_in_the_house_system_is_told_in_a_long_reading()
    {
        var chart = TestCharts.Natal() with { Houses = TestCharts.Natal().Houses! with { System = "placidus", SystemUsed = "porphyry" } };

        var text = Prose.Section(interpreter.Interpret(chart, new(Length: InterpretationLength.Long)), "houses");

        Assert.Contains("Placidus", text, StringComparison.Ordinal);
        Assert.Contains("Porphyry houses", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chart_ruler_is_named_with_its_sign_and_house_in_the_overview()
    {
        var text = Prose.Section(interpreter.Interpret(TestCharts.Natal()), "overview");

        // Cancer rising, ruled by the Moon at 3°30' Aries in the 10th house.
        Assert.Contains("the Moon rules the chart; it sits in Aries in the 10th house", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lunar_phase_follows_the_distance_from_Sun_to_Moon()
    {
        var text = Prose.Section(interpreter.Interpret(TestCharts.Natal()), "overview");

        // Sun 54.12°, Moon 3.5°: the Moon is 309.38° ahead, between 270° and 315°.
        Assert.Contains("309°22' ahead of the Sun", text, StringComparison.Ordinal);
        Assert.Contains("last quarter Moon", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Element_and_modality_counts_match_the_planets_signs()
    {
        var text = Prose.Section(interpreter.Interpret(TestCharts.Natal()), "elements");

        // Fire: Moon, Venus (Aries). Earth: Sun (Taurus), Saturn, Uranus, Neptune (Capricorn).
        // Air: Mercury (Gemini). Water: Jupiter (Cancer), Mars (Pisces), Pluto (Scorpio).
        Assert.Contains("fire two, earth four, air one and water three", text, StringComparison.Ordinal);
        Assert.Contains("Earth is the leading element, holding the Sun, Saturn, Uranus and Neptune", text, StringComparison.Ordinal);
        Assert.Contains("Air has only Mercury", text, StringComparison.Ordinal);
        // Cardinal: Moon, Venus, Jupiter, Saturn, Uranus, Neptune. Fixed: Sun, Pluto. Mutable: Mercury, Mars.
        Assert.Contains("cardinal six, fixed two and mutable two", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_sentence_of_the_planets_section_names_a_body_of_the_chart()
    {
        var chart = TestCharts.Natal();

        var sentences = Prose.Sentences(Prose.Section(interpreter.Interpret(chart, new(Length: InterpretationLength.Long)), "planets"));

        Assert.All(sentences, s => Assert.Contains(chart.Bodies, b => Prose.Names(s, b.Name)));
    }

    [Fact]
    public void Retrograde_is_mentioned_for_retrograde_planets_only()
    {
        var chart = TestCharts.Natal();

        var sentences = Prose.Sentences(Prose.Section(interpreter.Interpret(chart), "planets"));

        foreach (var body in chart.Bodies.Where(b => BodyNames.Planets.Contains(b.Name)))
        {
            var mentioned = sentences.Any(s => Prose.Names(s, body.Name) && s.Contains("retrograde", StringComparison.Ordinal));
            Assert.Equal(body.Retrograde, mentioned);
        }
    }

    [Fact]
    public void Sentences_about_the_same_kind_of_placement_open_in_varied_ways()
    {
        var sentences = Prose.Sentences(Prose.Section(interpreter.Interpret(TestCharts.Natal()), "planets"));

        var openings = sentences.Select(s => string.Join(' ', s.Split(' ').Take(3))).ToList();
        for (var i = 1; i < openings.Count; i++)
        {
            Assert.NotEqual(openings[i - 1], openings[i]);
        }

        Assert.True(sentences.Select(s => s.Split(' ')[0]).Distinct().Count() >= 5, "expected at least five different first words");
    }

    [Fact]
    public void A_chart_listing_an_unknown_body_still_reads_the_known_ones()
    {
        var chart = TestCharts.Natal() with
        {
            Bodies = [.. TestCharts.Natal().Bodies, TestCharts.Body("ceres", ZodiacSign.Leo, 3, 2)],
            Aspects = [.. TestCharts.Natal().Aspects!, new ChartAspect("sun", "ceres", "square", 89, 1, true)],
        };

        var result = interpreter.Interpret(chart);

        Assert.DoesNotMatch(@"\b[Cc]eres\b", string.Join("\n", result.Sections.Select(s => s.Text)));
        Assert.Contains("Taurus", Prose.Section(result, "planets"), StringComparison.Ordinal);
    }
}
