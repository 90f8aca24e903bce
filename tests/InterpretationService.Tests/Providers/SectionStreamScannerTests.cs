using ZodiaCore.InterpretationService.Interpretations;
using ZodiaCore.InterpretationService.Prompting;

namespace ZodiaCore.InterpretationService.Tests.Providers;

public sealed class SectionStreamScannerTests
{
    private static string Text(IEnumerable<SectionDelta> deltas, SectionKey key) =>
        string.Concat(deltas.Where(d => d.Key == key).Select(d => d.Text));

    [Fact]
    public void Escapes_split_across_chunks_are_decoded()
    {
        var scanner = new SectionStreamScanner([SectionKey.Overview]);
        const string answer = """{"sections":[{"key":"overview","title":"T","text":"Say \u0022hi\u0022,\nthen \\ go"}]}""";

        var deltas = answer.Select(c => c.ToString()).SelectMany(scanner.Feed).ToList();

        Assert.Equal("Say \"hi\",\nthen \\ go", Text(deltas, SectionKey.Overview));
        Assert.Contains(SectionKey.Overview, scanner.Completed);
        Assert.Equal("T", scanner.Titles[SectionKey.Overview]);
    }

    [Fact]
    public void Unrequested_and_repeated_sections_are_not_shown_and_text_before_its_key_waits_for_it()
    {
        var scanner = new SectionStreamScanner([SectionKey.Planets]);
        const string answer = """
            {"sections":[{"key":"houses","text":"no"},{"text":"Mars.","key":"planets"},{"key":"planets","text":"again"}]}
            """;

        var deltas = scanner.Feed(answer);

        Assert.Equal("Mars.", Text(deltas, SectionKey.Planets));
        Assert.DoesNotContain(deltas, d => d.Key == SectionKey.Houses);
    }
}
