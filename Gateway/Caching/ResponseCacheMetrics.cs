using System.Diagnostics.Metrics;
using ZodiaCore.Gateway.RateLimiting;

namespace ZodiaCore.Gateway.Caching;

/// <summary>
/// zodiacore.gateway.response_cache.requests by result, on the ZodiaCore.Gateway meter: hit (answered by the gateway),
/// miss (forwarded; the answer kept if it may be, once its body was asked for MinUses times), bypass (forwarded without
/// a look-up: body too large or broken off, client's no-store, cache off).
/// </summary>
public sealed class ResponseCacheMetrics
{
    private static readonly KeyValuePair<string, object?> HitTag = new("result", "hit");
    private static readonly KeyValuePair<string, object?> MissTag = new("result", "miss");
    private static readonly KeyValuePair<string, object?> BypassTag = new("result", "bypass");
    private readonly Counter<long> requests;

    public ResponseCacheMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(RateLimitMetrics.MeterName);
        requests = meter.CreateCounter<long>("zodiacore.gateway.response_cache.requests",
            description: "Requests to cacheable routes, by whether the gateway's cache answered them");
    }

    public void Hit() => requests.Add(1, HitTag);

    public void Miss() => requests.Add(1, MissTag);

    public void Bypass() => requests.Add(1, BypassTag);
}
