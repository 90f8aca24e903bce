using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ZodiaCore.ChartService.Observability;

/// <summary>The ChartService instruments of the monitoring contract (monitoring/METRICS.md), on meter <c>ZodiaCore.Charts</c>.</summary>
public sealed class ChartMetrics
{
    public const string MeterName = "ZodiaCore.Charts";
    public const string CacheRequestsName = "zodiacore.chart.cache.requests";
    public const string ComputedName = "zodiacore.charts.computed";
    public const string ComputeDurationName = "zodiacore.chart.compute.duration";

    public const string Natal = "natal";
    public const string Transits = "transits";
    public const string Synastry = "synastry";

    private static readonly KeyValuePair<string, object?> Hit = new("result", "hit");
    private static readonly KeyValuePair<string, object?> Miss = new("result", "miss");

    private readonly Counter<long> _cacheRequests;
    private readonly Counter<long> _computed;
    private readonly Histogram<double> _computeDuration;

    public ChartMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _cacheRequests = meter.CreateCounter<long>(CacheRequestsName, "{lookup}", "Chart cache lookups by result (hit, miss).");
        _computed = meter.CreateCounter<long>(ComputedName, "{chart}", "Charts actually computed (cache misses and uncached requests).");
        _computeDuration = meter.CreateHistogram<double>(ComputeDurationName, "s", "Time to compute one chart, excluding HTTP and cache.");
    }

    public void CacheHit() => _cacheRequests.Add(1, Hit);

    public void CacheMiss() => _cacheRequests.Add(1, Miss);

    /// <summary>Counts one computed chart of <paramref name="chartType"/> that took from <paramref name="startTimestamp"/> until now.</summary>
    public void Computed(string chartType, long startTimestamp)
    {
        var tag = new KeyValuePair<string, object?>("chart_type", chartType);
        _computed.Add(1, tag);
        _computeDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tag);
    }
}
