using System.ComponentModel;
using System.Text.Json;
using ZodiaCore.ChartService.Apis;
using ZodiaCore.ChartService.Charts;

namespace ZodiaCore.ChartService.Caching;

/// <summary>
/// A computed chart with its JSON, serialised once when the chart is computed (or read back from Redis): every
/// cache hit answers with these bytes, and the Redis entry encrypts them, so no request serialises a chart twice
/// and a hit serialises nothing. Serialising the ~11 KB answer costs about a third of a chart's computation.
/// </summary>
[ImmutableObject(true)]
public sealed class CachedChart
{
    public CachedChart(ChartResponse chart)
        : this(chart, JsonSerializer.SerializeToUtf8Bytes(chart, ChartJsonContext.Default.ChartResponse))
    {
    }

    internal CachedChart(ChartResponse chart, byte[] json)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(json);
        Chart = chart;
        Json = json;
    }

    public ChartResponse Chart { get; }

    /// <summary>The chart as the API answers it (UTF-8 JSON, camelCase).</summary>
    public ReadOnlyMemory<byte> Json { get; }

    public string ContentId => Chart.ContentId;
}
