using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace ZodiaCore.InterpretationService.Interpretations;

/// <summary>The sections an interpretation can hold; the JSON names are the section keys.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SectionKey>))]
public enum SectionKey
{
    [JsonStringEnumMemberName("overview")] Overview,
    [JsonStringEnumMemberName("planets")] Planets,
    [JsonStringEnumMemberName("houses")] Houses,
    [JsonStringEnumMemberName("aspects")] Aspects,
    [JsonStringEnumMemberName("elements")] Elements,
}

public static class SectionKeys
{
    /// <summary>All five sections in their default order.</summary>
    public static IReadOnlyList<SectionKey> All { get; } =
        [SectionKey.Overview, SectionKey.Planets, SectionKey.Houses, SectionKey.Aspects, SectionKey.Elements];

    /// <summary>The key as it appears in requests and responses (<c>"overview"</c>…).</summary>
    public static string ToKey(this SectionKey key) => key switch
    {
        SectionKey.Overview => "overview",
        SectionKey.Planets => "planets",
        SectionKey.Houses => "houses",
        SectionKey.Aspects => "aspects",
        SectionKey.Elements => "elements",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown section."),
    };

    /// <summary>Parses a request's section key, case-insensitively; false for anything else (the caller answers 400).</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out SectionKey? key)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToKey(), value?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                key = candidate;
                return true;
            }
        }

        key = null;
        return false;
    }
}
