using ZodiaCore.InterpretationService.Charts;
using ZodiaCore.InterpretationService.Interpretations;

namespace ZodiaCore.InterpretationService.BuiltIn;

/// <summary>
/// The offline interpreter: writes a readable, deterministic report from chart facts alone, in English.
/// It is the last fallback behind the LLM providers and the default when none is configured.
/// </summary>
public sealed class BuiltInInterpreter
{
    public const string Provider = "builtin";

    /// <summary>Recorded with each answer, like an LLM prompt version: changing the knowledge base changes the text.</summary>
    public const string Version = "builtin-1";

    private static readonly Dictionary<SectionKey, string> Titles = new()
    {
        [SectionKey.Overview] = "Overview",
        [SectionKey.Planets] = "Planets in signs",
        [SectionKey.Houses] = "Houses and angles",
        [SectionKey.Aspects] = "Aspects",
        [SectionKey.Elements] = "Elements and modalities",
    };

    public InterpretationResult Interpret(ChartFacts chart, InterpretationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        options ??= InterpretationOptions.Default;

        var reading = new ChartReading(chart, options.Length);
        var sections = options.EffectiveSections
            .Select(key => new InterpretationSection(key.ToKey(), Titles[key], Write(key, reading)))
            .ToList();

        var warnings = new List<InterpretationWarning>();
        var english = IsEnglish(options.Language);
        if (!english)
        {
            warnings.Add(new InterpretationWarning(
                InterpretationWarningCodes.LanguageUnsupported,
                $"The built-in interpreter writes English only; '{options.Language}' was asked for."));
        }

        if (!reading.HasHouses)
        {
            warnings.Add(new InterpretationWarning(
                InterpretationWarningCodes.HousesUnknown,
                "The chart has no birth time, so houses and angles were not interpreted."));
        }

        return new InterpretationResult(sections, InterpretationOptions.DefaultLanguage, LanguageFallback: !english, warnings);
    }

    private static string Write(SectionKey key, ChartReading reading) => key switch
    {
        SectionKey.Overview => OverviewWriter.Write(reading),
        SectionKey.Planets => PlanetsWriter.Write(reading),
        SectionKey.Houses => HousesWriter.Write(reading),
        SectionKey.Aspects => AspectsWriter.Write(reading),
        SectionKey.Elements => ElementsWriter.Write(reading),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown section."),
    };

    // "en", "EN", "en-GB" and "en_US" all ask for English.
    private static bool IsEnglish(string? language) =>
        string.IsNullOrWhiteSpace(language)
        || string.Equals(language.Trim().Split('-', '_')[0], "en", StringComparison.OrdinalIgnoreCase);
}
