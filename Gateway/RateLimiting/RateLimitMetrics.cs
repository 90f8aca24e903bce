using System.Diagnostics.Metrics;

namespace ZodiaCore.Gateway.RateLimiting;

/// <summary>zodiacore.rate_limit.rejections by policy, on the ZodiaCore.Gateway meter.</summary>
public sealed class RateLimitMetrics
{
    public const string MeterName = "ZodiaCore.Gateway";
    private readonly Counter<long> rejections;

    public RateLimitMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        rejections = meter.CreateCounter<long>("zodiacore.rate_limit.rejections", description: "Requests answered 429, by policy");
    }

    public void Rejected(string policy) => rejections.Add(1, new KeyValuePair<string, object?>("policy", policy));
}
