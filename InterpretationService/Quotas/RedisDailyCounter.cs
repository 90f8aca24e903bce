using StackExchange.Redis;

namespace ZodiaCore.InterpretationService.Quotas;

/// <summary>
/// INCR and EXPIREAT in one transaction, so every instance sees the same count and a counter never outlives its day.
/// While Redis is unreachable the in-process counter stands in: quotas become per-instance, requests never fail.
/// </summary>
public sealed partial class RedisDailyCounter(IConnectionMultiplexer redis, InProcessDailyCounter fallback, ILogger<RedisDailyCounter> logger)
    : IDailyCounter
{
    public async ValueTask<long> IncrementAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        try
        {
            var transaction = redis.GetDatabase().CreateTransaction();
            var count = transaction.StringIncrementAsync(key);
            _ = transaction.KeyExpireAsync(key, expiresAt.UtcDateTime);
            if (await transaction.ExecuteAsync().ConfigureAwait(false))
            {
                return await count.ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException)
        {
            LogRedisUnavailable(logger, exception.GetType().Name);
        }

        return await fallback.IncrementAsync(key, expiresAt, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DecrementAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            // Only an existing counter: DECR on a key that expired meanwhile would create one with no expiry.
            var transaction = redis.GetDatabase().CreateTransaction();
            transaction.AddCondition(Condition.KeyExists(key));
            _ = transaction.StringDecrementAsync(key);
            await transaction.ExecuteAsync().ConfigureAwait(false);
            return;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException)
        {
            LogRedisUnavailable(logger, exception.GetType().Name);
        }

        await fallback.DecrementAsync(key, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quota counter in Redis unavailable ({ExceptionType}); counting in-process")]
    private static partial void LogRedisUnavailable(ILogger logger, string exceptionType);
}
