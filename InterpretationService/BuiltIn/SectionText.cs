namespace ZodiaCore.InterpretationService.BuiltIn;

/// <summary>Collects finished sentences into paragraphs; a section's text is its paragraphs separated by a blank line.</summary>
internal sealed class SectionText
{
    private readonly List<List<string>> paragraphs = [[]];

    public void Add(string sentence) => paragraphs[^1].Add(Phrasing.Sentence(sentence));

    public void NewParagraph()
    {
        if (paragraphs[^1].Count > 0)
        {
            paragraphs.Add([]);
        }
    }

    public override string ToString() =>
        string.Join("\n\n", paragraphs.Where(p => p.Count > 0).Select(p => string.Join(" ", p)));
}
