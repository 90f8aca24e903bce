using System.ComponentModel;
using System.Text.Json;
using ZodiaCore.ChartService.Apis;
using ZodiaCore.ChartService.Charts;

namespace ZodiaCore.ChartService.Caching;

/// <summary>
/// A computed chart as its JSON, serialised once when the chart is computed (or read back from Redis): every cache
/// hit answers with these bytes, and the Redis entry encrypts them, so no request serialises a chart twice and a hit
/// serialises nothing. Serialising the ~11 KB answer costs about a third of a chart's computation.
/// </summary>
/// <remarks>
/// The entry keeps the bytes, not the <see cref="ChartResponse"/> they came from: the in-process cache holds up to
/// <c>CACHE_MEMORY_MB</c> of entries, and a few hundred small objects per chart, promoted and traced by every full
/// garbage collection, cost ChartService about a tenth of its CPU and nearly half of its p99 when every request
/// computes a new chart (bench/http/uncached-cpu.sh, BENCHMARKS.md). The few paths that need the object (the SVG
/// wheel, saving) read it back.
/// </remarks>
[ImmutableObject(true)]
public sealed class CachedChart
{
    public CachedChart(ChartResponse chart)
        : this((chart ?? throw new ArgumentNullException(nameof(chart))).ContentId,
            JsonSerializer.SerializeToUtf8Bytes(chart, ChartJsonContext.Answer.ChartResponse)) =>
        FromFallbackEphemeris = chart.Meta.EphemerisSource == NatalChartBuilder.MoshierSource;

    internal CachedChart(string contentId, byte[] json)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentId);
        ArgumentNullException.ThrowIfNull(json);
        ContentId = contentId;
        Json = json;
    }

    /// <summary>The chart as the API answers it (UTF-8 JSON, camelCase).</summary>
    public ReadOnlyMemory<byte> Json { get; }

    public string ContentId { get; }

    /// <summary>Computed with the Moshier fallback: answered, never cached, and marked <c>no-store</c> for the gateway.
    /// (Entries read back from Redis never are: such charts are not written there.)</summary>
    public bool FromFallbackEphemeris { get; }

    /// <summary>A new <see cref="ChartResponse"/> read from <see cref="Json"/>: equal to the chart that was cached.</summary>
    public ChartResponse ReadChart() =>
        JsonSerializer.Deserialize(Json.Span, ChartJsonContext.Answer.ChartResponse)
        ?? throw new InvalidOperationException("A cached chart's JSON is never null.");
}
