using System.Globalization;
using ZodiaCore.InterpretationService.Interpretations;

namespace ZodiaCore.InterpretationService.Caching;

/// <summary>What makes two interpretations interchangeable: the same chart content, options and source.</summary>
/// <remarks><c>Provider</c>, <c>Model</c> and <c>PromptVersion</c> are those of the source planned first, not the one that finally answered.</remarks>
public sealed record InterpretationCacheKey(
    string ContentId,
    IReadOnlyList<SectionKey> Sections,
    InterpretationLength Length,
    string Language,
    string Provider,
    string Model,
    string PromptVersion)
{
    public override string ToString() => string.Join('|',
        "interpretation:v1",
        ContentId,
        string.Join(',', Sections.Select(s => s.ToKey())),
        Length.ToString().ToLowerInvariant(),
        Language.ToLower(CultureInfo.InvariantCulture),
        Provider,
        Model,
        PromptVersion);
}
