namespace ZodiaCore.InterpretationService.Interpretations;

/// <summary>What the caller asked for; shared by the built-in and the LLM interpreters (and part of the cache key).</summary>
/// <remarks>
/// <para><c>Sections</c>: Sections in the order wanted; null means all five in default order.</para>
/// <para><c>Language</c>: BCP 47 tag; the built-in interpreter writes English only.</para>
/// </remarks>
public sealed record InterpretationOptions(
    IReadOnlyList<SectionKey>? Sections = null,
    InterpretationLength Length = InterpretationLength.Standard,
    string Language = InterpretationOptions.DefaultLanguage)
{
    public const string DefaultLanguage = "en";

    public static InterpretationOptions Default { get; } = new();

    /// <summary>The sections to produce: the requested ones in order without repeats, or all five.</summary>
    public IReadOnlyList<SectionKey> EffectiveSections =>
        Sections is { Count: > 0 } requested ? requested.Distinct().ToList() : SectionKeys.All;
}
