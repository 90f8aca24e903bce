using System.Diagnostics;
using Microsoft.Extensions.Caching.Hybrid;
using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Observability;

namespace ZodiaCore.ChartService.Caching;

/// <summary>
/// Natal charts by content id through HybridCache: memory first, then Redis when configured, else computed. Charts
/// computed with the Moshier fallback (no ephemeris files for their date) are answered but never cached.
/// Every lookup counts as a hit or a miss; a miss is a computation. Entries carry the chart's JSON (see <see cref="CachedChart"/>).
/// A caller that keeps what it needs itself (a request with <c>Cache-Control: no-store</c>) is still answered from the
/// cache, but what is computed for it is not written. A request with <c>Cache-Control: no-cache</c> is computed without
/// reading the cache (and is then counted neither as a hit nor as a miss): InterpretationService sends both for the
/// charts it interprets, because it asks only for charts it has not seen: a look-up would be a Redis round trip spent
/// before nearly every computation.
/// </summary>
public sealed class ChartCache(HybridCache cache, NatalChartBuilder builder, ChartMetrics metrics)
{
    public const string TtlSetting = "CACHE_TTL";
    public static readonly TimeSpan DefaultTtl = TimeSpan.FromHours(1);

    public const string MemoryLimitSetting = "CACHE_MEMORY_MB";
    public const int DefaultMemoryLimitMegabytes = 256;

    private static readonly HybridCacheEntryOptions ReadOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    private static readonly HybridCacheEntryOptions WriteOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableLocalCacheRead | HybridCacheEntryFlags.DisableDistributedCacheRead,
    };

    public ValueTask<ChartOutcome<CachedChart>> GetOrComputeAsync(PreparedChart prepared, CancellationToken cancellationToken) =>
        GetOrComputeAsync(prepared, read: true, store: true, cancellationToken);

    /// <summary>
    /// As the overload above; with <paramref name="read"/> false the chart is computed without looking in the cache, and
    /// with <paramref name="store"/> false a computed chart is answered without being cached.
    /// </summary>
    public async ValueTask<ChartOutcome<CachedChart>> GetOrComputeAsync(PreparedChart prepared, bool read, bool store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var lookup = new Lookup(builder, metrics, prepared, read);
        try
        {
            if (!read && !store)
            {
                return new ChartOutcome<CachedChart>(await lookup.Compute().ConfigureAwait(false));
            }

            var chart = await cache.GetOrCreateAsync(prepared.ContentId, lookup, static (l, _) => l.Compute(), (read, store) switch
            {
                (true, true) => null,
                (true, false) => ReadOnly,
                _ => WriteOnly,
            }, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (read && !lookup.Computed)
            {
                metrics.CacheHit();
            }

            return new ChartOutcome<CachedChart>(chart);
        }
        catch (ChartNotCachedException notCached)
        {
            return notCached.Chart is { } chart
                ? new ChartOutcome<CachedChart>(chart)
                : ChartOutcome.Failed<CachedChart>(notCached.Problem ?? NatalChartBuilder.Unavailable());
        }
    }

    /// <summary>Reads <c>CACHE_TTL</c> (seconds, a positive whole number; default 3600).</summary>
    public static TimeSpan ReadTtl(IConfiguration configuration) =>
        TimeSpan.FromSeconds(ReadPositive(configuration, TtlSetting, (int)DefaultTtl.TotalSeconds, "seconds"));

    /// <summary>Reads <c>CACHE_MEMORY_MB</c> (the in-process cache's bound, whole megabytes; default 256) in bytes.</summary>
    public static long ReadMemoryLimitBytes(IConfiguration configuration) =>
        ReadPositive(configuration, MemoryLimitSetting, DefaultMemoryLimitMegabytes, "megabytes") * 1024L * 1024L;

    private static int ReadPositive(IConfiguration configuration, string setting, int fallback, string unit)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[setting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"{setting} must be a positive number of {unit}.");
    }

    /// <remarks><c>counted</c>: false when the cache was not read, so the computation is no miss.</remarks>
    private sealed class Lookup(NatalChartBuilder builder, ChartMetrics metrics, PreparedChart prepared, bool counted)
    {
        public bool Computed { get; private set; }

        public ValueTask<CachedChart> Compute()
        {
            Computed = true;
            if (counted)
            {
                metrics.CacheMiss();
            }

            var started = Stopwatch.GetTimestamp();
            var outcome = builder.Compose(prepared);
            metrics.Computed(ChartMetrics.Natal, Stopwatch.GetElapsedTime(started));
            // A refusal (e.g. polar houses with polarHouses "error") leaves the cache as it was; so does a chart from the
            // fallback ephemeris (answered all the same).
            if (outcome.Value is not { } chart)
            {
                throw new ChartNotCachedException(outcome.Problem ?? NatalChartBuilder.Unavailable());
            }

            var cached = new CachedChart(chart);
            return cached.FromFallbackEphemeris ? throw new ChartNotCachedException(cached) : ValueTask.FromResult(cached);
        }
    }
}

/// <summary>
/// Carries out of the cache factory what must not be cached: a refusal (<see cref="Problem"/>), or a chart computed with
/// the Moshier fallback (<see cref="Chart"/>), which a replica with the ephemeris files, sharing the Redis cache, must not
/// hand out as its own (nor this one once the files are installed).
/// </summary>
public sealed class ChartNotCachedException : Exception
{
    public ChartNotCachedException()
        : this(NatalChartBuilder.Unavailable())
    {
    }

    public ChartNotCachedException(string message)
        : base(message)
    {
        Problem = NatalChartBuilder.Unavailable();
    }

    public ChartNotCachedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = NatalChartBuilder.Unavailable();
    }

    public ChartNotCachedException(ChartProblem problem)
        : base(problem?.Title)
    {
        Problem = problem ?? NatalChartBuilder.Unavailable();
    }

    public ChartNotCachedException(CachedChart chart)
        : base("A chart computed with the fallback ephemeris is answered without being cached.") =>
        Chart = chart ?? throw new ArgumentNullException(nameof(chart));

    public ChartProblem? Problem { get; }

    public CachedChart? Chart { get; }
}
