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
        // Without advice the SDK's default boundaries (0, 5, 10 … 10000, made for milliseconds) put every chart, computed
        // in a fraction of a millisecond, into the first bucket: the dashboard's quantiles would read seconds.
        _computeDuration = meter.CreateHistogram<double>(
            ComputeDurationName, "s", "Time to compute one chart, excluding HTTP and cache.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
    }

    public void CacheHit() => _cacheRequests.Add(1, Hit);

    public void CacheMiss() => _cacheRequests.Add(1, Miss);

    /// <summary>Counts one computed chart of <paramref name="chartType"/> that took <paramref name="duration"/>.</summary>
    public void Computed(string chartType, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>("chart_type", chartType);
        _computed.Add(1, tag);
        _computeDuration.Record(duration.TotalSeconds, tag);
    }
}
