using System.Text.Json;
using System.Text.RegularExpressions;
using ZodiaCore.InterpretationService.Interpretations;
using ZodiaCore.InterpretationService.Providers;

namespace ZodiaCore.InterpretationService.Apis;

/// <summary>A validated <see cref="CreateInterpretationRequest"/>: which chart, which options, which provider.</summary>
/// <remarks><c>Provider</c>: Normalised; null for the configured order.</remarks>
public sealed partial record InterpretationAsk(string? ChartId, JsonElement? Chart, InterpretationOptions Options, string? Provider)
{
    public const int MaxChartIdLength = 100;
    public const int MaxLanguageLength = 35;
    private const int MaxSectionEntries = 20;

    /// <summary>Checks every field; the errors name the fields as the caller wrote them.</summary>
    public static InterpretationAsk? Read(CreateInterpretationRequest? request, out Dictionary<string, string[]> errors)
    {
        errors = [];
        if (request is null)
        {
            errors["body"] = ["Send a JSON object with chartId or chart."];
            return null;
        }

        var chartId = string.IsNullOrWhiteSpace(request.ChartId) ? null : request.ChartId.Trim();
        var chart = request.Chart is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } given ? given : (JsonElement?)null;
        if (chartId is null && chart is null)
        {
            errors["chartId"] = ["Give chartId (a saved chart) or chart (a natal request)."];
        }
        else if (chartId is not null && chart is not null)
        {
            errors["chart"] = ["Give chartId or chart, not both."];
        }
        else if (chartId is not null && (chartId.Length > MaxChartIdLength || !ChartIdPattern().IsMatch(chartId)))
        {
            errors["chartId"] = [$"A chart id is at most {MaxChartIdLength} letters, digits, '-' or '_'."];
        }
        else if (chart is { ValueKind: not JsonValueKind.Object })
        {
            errors["chart"] = ["The chart is a natal request object, as POST /api/charts/natal takes it."];
        }

        var sections = ReadSections(request.Sections, errors);

        var length = InterpretationLength.Standard;
        if (request.Length is { } lengthText && !TryParseLength(lengthText, out length))
        {
            errors["length"] = ["Use short, standard or long."];
        }

        var language = request.Language?.Trim() is { Length: > 0 } tag ? tag : InterpretationOptions.DefaultLanguage;
        if (language.Length > MaxLanguageLength || !LanguagePattern().IsMatch(language))
        {
            errors["language"] = [$"Use a BCP 47 language tag such as en, de or pt-BR (at most {MaxLanguageLength} characters)."];
        }

        string? provider = null;
        if (!string.IsNullOrWhiteSpace(request.Provider) && !AiProviderNames.TryNormalize(request.Provider, out provider))
        {
            errors["provider"] = ["Use openai, anthropic, google or builtin."];
        }

        return errors.Count > 0 ? null : new InterpretationAsk(chartId, chart, new InterpretationOptions(sections, length, language), provider);
    }

    private static List<SectionKey>? ReadSections(IReadOnlyList<string>? requested, Dictionary<string, string[]> errors)
    {
        if (requested is null || requested.Count == 0)
        {
            return null;
        }

        if (requested.Count > MaxSectionEntries)
        {
            errors["sections"] = [$"At most {MaxSectionEntries} entries."];
            return null;
        }

        var sections = new List<SectionKey>();
        foreach (var entry in requested)
        {
            if (!SectionKeys.TryParse(entry, out var key))
            {
                errors["sections"] = ["Sections are overview, planets, houses, aspects and elements."];
                return null;
            }

            sections.Add(key.Value);
        }

        return sections;
    }

    private static bool TryParseLength(string text, out InterpretationLength length)
    {
        (var known, length) = text.Trim().ToLowerInvariant() switch
        {
            "short" => (true, InterpretationLength.Short),
            "standard" => (true, InterpretationLength.Standard),
            "long" => (true, InterpretationLength.Long),
            _ => (false, InterpretationLength.Standard),
        };
        return known;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex ChartIdPattern();

    // A primary subtag of 2–8 letters, then subtags of 1–8 letters or digits: bounded, and nothing a prompt could abuse.
    [GeneratedRegex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguagePattern();
}
