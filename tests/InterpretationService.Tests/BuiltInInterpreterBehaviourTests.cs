using Microsoft.Extensions.DependencyInjection;
using ZodiaCore.InterpretationService.BuiltIn;
using ZodiaCore.InterpretationService.Interpretations;

namespace ZodiaCore.InterpretationService.Tests;

public class BuiltInInterpreterBehaviourTests
{
    private readonly BuiltInInterpreter interpreter = new();

    [Fact]
    public void The_same_chart_gives_identical_text_every_time()
    {
        var first = interpreter.Interpret(TestCharts.Natal(), new(Length: InterpretationLength.Long));
        var second = new BuiltInInterpreter().Interpret(TestCharts.Natal(), new(Length: InterpretationLength.Long));

        Assert.Equal(first.Sections, second.Sections);
    }

    [Fact]
    public void Different_charts_give_different_text_in_every_section()
    {
        var first = interpreter.Interpret(TestCharts.Random(1));
        var second = interpreter.Interpret(TestCharts.Random(2));

        Assert.All(first.Sections.Zip(second.Sections), pair => Assert.NotEqual(pair.First.Text, pair.Second.Text));
    }

    [Fact]
    public void The_phrasing_follows_the_chart_facts_not_the_content_id()
    {
        // Content ids are keyed and change when the encryption key is rotated; the reading of a chart must not.
        var first = interpreter.Interpret(TestCharts.Natal("one"), new(Length: InterpretationLength.Long));
        var second = interpreter.Interpret(TestCharts.Natal("two"), new(Length: InterpretationLength.Long));
        var third = interpreter.Interpret(TestCharts.Natal() with { ContentId = null }, new(Length: InterpretationLength.Long));

        Assert.Equal(first.Sections, second.Sections);
        Assert.Equal(first.Sections, third.Sections);
    }

    [Fact]
    public void By_default_all_five_sections_come_in_order()
    {
        var result = interpreter.Interpret(TestCharts.Natal());

        Assert.Equal(["overview", "planets", "houses", "aspects", "elements"], result.Sections.Select(s => s.Key));
        Assert.All(result.Sections, s => Assert.False(string.IsNullOrWhiteSpace(s.Title)));
    }

    [Fact]
    public void Requested_sections_come_in_the_requested_order_once_each()
    {
        var options = new InterpretationOptions([SectionKey.Aspects, SectionKey.Overview, SectionKey.Aspects, SectionKey.Elements]);

        var result = interpreter.Interpret(TestCharts.Natal(), options);

        Assert.Equal(["aspects", "overview", "elements"], result.Sections.Select(s => s.Key));
    }

    [Fact]
    public void Longer_readings_have_more_words_in_every_section()
    {
        var chart = TestCharts.Natal();

        var sizes = Enum.GetValues<InterpretationLength>()
            .Select(length => interpreter.Interpret(chart, new(Length: length)))
            .ToList();

        Assert.True(Prose.WordCount(sizes[0]) < Prose.WordCount(sizes[1]) && Prose.WordCount(sizes[1]) < Prose.WordCount(sizes[2]),
            $"short {Prose.WordCount(sizes[0])}, standard {Prose.WordCount(sizes[1])}, long {Prose.WordCount(sizes[2])}");
        foreach (var key in SectionKeys.All.Select(k => k.ToKey()))
        {
            var words = sizes.Select(r => Prose.WordCount(Prose.Section(r, key))).ToList();
            Assert.True(words[0] < words[1] && words[1] < words[2], $"{key}: short {words[0]}, standard {words[1]}, long {words[2]}");
        }
    }

    [Fact]
    public void Longer_readings_have_more_words_for_a_time_unknown_chart_too()
    {
        var words = Enum.GetValues<InterpretationLength>()
            .Select(length => Prose.WordCount(interpreter.Interpret(TestCharts.TimeUnknown(), new(Length: length))))
            .ToList();

        Assert.True(words[0] < words[1] && words[1] < words[2], string.Join(" < ", words));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("de-DE")]
    [InlineData("pt_BR")]
    public void Another_language_is_answered_in_English_with_a_flag_and_a_warning(string language)
    {
        var result = interpreter.Interpret(TestCharts.Natal(), new(Language: language));

        Assert.True(result.LanguageFallback);
        Assert.Equal("en", result.Language);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(InterpretationWarningCodes.LanguageUnsupported, warning.Code);
        Assert.Contains(language, warning.Message, StringComparison.Ordinal);
        Assert.Equal(interpreter.Interpret(TestCharts.Natal()).Sections, result.Sections);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("EN")]
    [InlineData("en-GB")]
    [InlineData("en_US")]
    public void Any_English_tag_is_English(string language)
    {
        var result = interpreter.Interpret(TestCharts.Natal(), new(Language: language));

        Assert.False(result.LanguageFallback);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void AddBuiltInInterpreter_registers_one_shared_interpreter()
    {
        using var provider = new ServiceCollection().AddBuiltInInterpreter().AddBuiltInInterpreter().BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<BuiltInInterpreter>(), provider.GetRequiredService<BuiltInInterpreter>());
        Assert.Single(provider.GetServices<BuiltInInterpreter>());
    }

    [Theory]
    [InlineData("overview", SectionKey.Overview)]
    [InlineData(" Planets ", SectionKey.Planets)]
    [InlineData("ELEMENTS", SectionKey.Elements)]
    public void Section_keys_parse_case_insensitively(string value, SectionKey expected)
    {
        Assert.True(SectionKeys.TryParse(value, out var key));
        Assert.Equal(expected, key);
    }

    [Theory]
    [InlineData("transits")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_section_keys_do_not_parse(string? value)
    {
        Assert.False(SectionKeys.TryParse(value, out _));
    }
}
