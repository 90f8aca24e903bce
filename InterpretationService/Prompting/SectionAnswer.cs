using System.Text.Json;
using ZodiaCore.InterpretationService.Interpretations;

namespace ZodiaCore.InterpretationService.Prompting;

/// <summary>
/// Reads a model's <c>{"sections":[{"key","title","text"}]}</c> answer. Anything short of every requested section with
/// text is rejected, so the caller falls back rather than showing a half answer.
/// </summary>
public static class SectionAnswer
{
    /// <summary>Longest text kept per section; a model that rambles past this is not shown verbatim.</summary>
    public const int MaxSectionLength = 20_000;

    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>The requested sections in the requested order, or a failure reason (see <see cref="Providers.FailureReasons"/>).</summary>
    public static SectionAnswerResult Parse(string? answer, IReadOnlyList<SectionKey> requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        if (string.IsNullOrWhiteSpace(answer))
        {
            return SectionAnswerResult.Failed(Providers.FailureReasons.EmptyAnswer);
        }

        // Models sometimes wrap JSON in a code fence or a sentence despite being told not to; the object inside is what counts.
        var start = answer.IndexOf('{', StringComparison.Ordinal);
        var end = answer.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            return SectionAnswerResult.Failed(Providers.FailureReasons.MalformedAnswer);
        }

        var found = new Dictionary<SectionKey, InterpretationSection>();
        try
        {
            using var document = JsonDocument.Parse(answer.AsMemory(start, end - start + 1), Lenient);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("sections", out var sections)
                || sections.ValueKind != JsonValueKind.Array)
            {
                return SectionAnswerResult.Failed(Providers.FailureReasons.MalformedAnswer);
            }

            foreach (var item in sections.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object
                    && SectionKeys.TryParse(StringProperty(item, "key"), out var key)
                    && requested.Contains(key.Value)
                    && !found.ContainsKey(key.Value)
                    && StringProperty(item, "text")?.Trim() is { Length: > 0 } text)
                {
                    var title = StringProperty(item, "title")?.Trim();
                    found[key.Value] = new InterpretationSection(
                        key.Value.ToKey(),
                        string.IsNullOrEmpty(title) ? SectionTitles.For(key.Value) : title,
                        text.Length > MaxSectionLength ? text[..MaxSectionLength] : text);
                }
            }
        }
        catch (JsonException)
        {
            return SectionAnswerResult.Failed(Providers.FailureReasons.MalformedAnswer);
        }

        if (found.Count == 0)
        {
            return SectionAnswerResult.Failed(Providers.FailureReasons.EmptyAnswer);
        }

        return requested.All(found.ContainsKey)
            ? SectionAnswerResult.Succeeded(requested.Select(k => found[k]).ToList())
            : SectionAnswerResult.Failed(Providers.FailureReasons.MissingSections);
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>Either the parsed sections or why the answer was rejected.</summary>
public sealed record SectionAnswerResult(IReadOnlyList<InterpretationSection>? Sections, string? FailureReason)
{
    public bool IsSuccess => Sections is not null;

    public static SectionAnswerResult Succeeded(IReadOnlyList<InterpretationSection> sections) => new(sections, null);

    public static SectionAnswerResult Failed(string reason) => new(null, reason);
}
