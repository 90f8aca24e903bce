using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace ZodiaCore.Gateway.RateLimiting;

/// <summary>
/// A fixed-window limit shared by every gateway replica through Redis. When Redis cannot be reached the
/// same limit is enforced in-process for a while and the outage is logged: never reject everything, never
/// let everything through.
/// </summary>
public sealed partial class SharedRateLimiter : IAsyncDisposable
{
    private static readonly TimeSpan RedisRetryAfter = TimeSpan.FromSeconds(15);
    private readonly RateLimitPolicy policy;
    private readonly PartitionedRateLimiter<string>? redis;
    private readonly PartitionedRateLimiter<string> local;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private long redisUnavailableUntilTicks;

    public SharedRateLimiter(RateLimitPolicy policy, IConnectionMultiplexer? multiplexer, TimeProvider time, ILogger logger)
    {
        this.policy = policy;
        this.time = time;
        this.logger = logger;
        local = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = policy.PermitLimit, Window = policy.Window, QueueLimit = 0 }));
        if (multiplexer is not null)
        {
            redis = PartitionedRateLimiter.Create<string, string>(key => RedisRateLimitPartition.GetFixedWindowRateLimiter(
                $"zodiacore:ratelimit:{policy.Name}:{key}",
                _ => new RedisFixedWindowRateLimiterOptions
                {
                    ConnectionMultiplexerFactory = () => multiplexer,
                    PermitLimit = policy.PermitLimit,
                    Window = policy.Window,
                }));
        }
    }

    /// <summary>Takes one permit for <paramref name="partitionKey"/>.</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(string partitionKey, CancellationToken cancellationToken)
    {
        if (redis is not null && time.GetUtcNow().UtcTicks >= Interlocked.Read(ref redisUnavailableUntilTicks))
        {
            try
            {
                return await redis.AcquireAsync(partitionKey, 1, cancellationToken);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                Interlocked.Exchange(ref redisUnavailableUntilTicks, (time.GetUtcNow() + RedisRetryAfter).UtcTicks);
                LogRedisUnavailable(logger, e, policy.Name, (int)RedisRetryAfter.TotalSeconds);
            }
        }

        return await local.AcquireAsync(partitionKey, 1, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (redis is not null)
        {
            await redis.DisposeAsync();
        }

        await local.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Redis is unreachable; rate limit {Policy} is enforced per gateway replica for the next {Seconds} s")]
    private static partial void LogRedisUnavailable(ILogger logger, Exception exception, string policy, int seconds);
}
