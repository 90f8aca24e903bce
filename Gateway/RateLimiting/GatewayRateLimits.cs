using StackExchange.Redis;

namespace ZodiaCore.Gateway.RateLimiting;

/// <summary>The configured policies, each with its shared limiter.</summary>
public sealed class GatewayRateLimits : IAsyncDisposable
{
    private readonly (RateLimitPolicy Policy, SharedRateLimiter Limiter)[] limits;

    public GatewayRateLimits(RateLimitingOptions options, IServiceProvider services, TimeProvider time, ILoggerFactory loggers)
    {
        Enabled = options.Enabled;
        var redis = services.GetService<IConnectionMultiplexer>();
        var logger = loggers.CreateLogger<SharedRateLimiter>();
        limits = [.. RateLimitPolicy.From(options).Select(p => (p, new SharedRateLimiter(p, redis, time, logger)))];
    }

    public bool Enabled { get; }

    /// <summary>The policies counting this path, broadest first.</summary>
    public IEnumerable<(RateLimitPolicy Policy, SharedRateLimiter Limiter)> For(PathString path) =>
        limits.Where(l => l.Policy.Applies(path));

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, limiter) in limits)
        {
            await limiter.DisposeAsync();
        }
    }
}
