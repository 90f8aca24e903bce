using System.Text.Json;

namespace ZodiaCore.InterpretationService.Charts;

/// <summary>
/// The computed facts of a natal chart, read from ChartService's natal chart JSON (issue 4 names).
/// Fields the interpreters do not use (meta, warnings, nakshatras…) are simply not bound.
/// </summary>
/// <remarks>
/// <para><c>Houses</c>: Absent for a chart whose birth time is unknown.</para>
/// <para><c>Angles</c>: Absent for a chart whose birth time is unknown.</para>
/// <para><c>ChartRuler</c>: The ascendant sign's ruler, as ChartService reports it.</para>
/// <para><c>TimeUnknown</c>: Set by callers building facts by hand; ChartService reports it as <c>meta.timeUnknown</c>.</para>
/// </remarks>
public sealed record ChartFacts(
    IReadOnlyList<BodyPosition> Bodies,
    HouseCusps? Houses = null,
    ChartAngles? Angles = null,
    IReadOnlyList<ChartAspect>? Aspects = null,
    ElementBalance? Elements = null,
    ModalityBalance? Modalities = null,
    ChartRuler? ChartRuler = null,
    MoonPhase? MoonPhase = null,
    string? ContentId = null,
    bool TimeUnknown = false,
    ChartMeta? Meta = null)
{
    /// <summary>True when houses and angles can be interpreted: a birth time was given and both were computed.</summary>
    public bool HasHouses => !IsTimeUnknown && Houses is { Cusps.Count: 12 } && Angles is not null;

    /// <summary>True when the chart was computed without a birth time (flagged at the top level or in <c>meta</c>).</summary>
    public bool IsTimeUnknown => TimeUnknown || Meta is { TimeUnknown: true };

    /// <summary>Reads ChartService's natal chart JSON (camelCase, unknown fields ignored).</summary>
    /// <exception cref="JsonException">The JSON does not hold a chart.</exception>
    public static ChartFacts FromJson(string json) =>
        JsonSerializer.Deserialize(json, ChartFactsJsonContext.Default.ChartFacts) ?? throw NullChart();

    /// <inheritdoc cref="FromJson(string)"/>
    public static ChartFacts FromJson(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, ChartFactsJsonContext.Default.ChartFacts) ?? throw NullChart();

    /// <inheritdoc cref="FromJson(string)"/>
    public static ChartFacts FromJson(JsonElement json) =>
        json.Deserialize(ChartFactsJsonContext.Default.ChartFacts) ?? throw NullChart();

    private static JsonException NullChart() => new("The chart JSON is null.");
}
