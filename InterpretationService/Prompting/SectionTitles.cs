using ZodiaCore.InterpretationService.Interpretations;

namespace ZodiaCore.InterpretationService.Prompting;

/// <summary>English titles used when a model leaves a section's title empty, and for chunks streamed before the title arrives.</summary>
public static class SectionTitles
{
    public static string For(SectionKey key) => key switch
    {
        SectionKey.Overview => "Overview",
        SectionKey.Planets => "Planets in signs",
        SectionKey.Houses => "Houses and angles",
        SectionKey.Aspects => "Aspects",
        SectionKey.Elements => "Elements and modalities",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown section."),
    };
}
