using System.Buffers;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ZodiaCore.ServiceDefaults.Data;

/// <summary>
/// The Redis layer of HybridCache, asked only while Redis answers. HybridCache logs every failed read and write of its
/// second level as an error with the exception, and waits out each command's timeout when Redis hangs (a stopped
/// server, a network that drops packets); here a request while Redis is down, or within
/// <see cref="PauseAfterFailure"/> of a call that failed or timed out, is a miss whose write is dropped, and the
/// outage is logged once.
/// </summary>
/// <remarks>
/// Implements the buffer interface too, which HybridCache prefers: it reads and writes pooled buffers instead of arrays.
/// </remarks>
internal sealed partial class RedisCacheWhileConnected(IBufferDistributedCache redisCache, IConnectionMultiplexer redis,
    TimeProvider time, ILogger<RedisCacheWhileConnected> logger) : IBufferDistributedCache, IDisposable
{
    /// <summary>How long the cache is skipped after a call failed or timed out, before one is tried again.</summary>
    public static readonly TimeSpan PauseAfterFailure = TimeSpan.FromSeconds(5);

    private long skipUntilTicks;
    private int bypassing;

    public byte[]? Get(string key) => Ask(() => redisCache.Get(key), null);

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) =>
        AskAsync(() => new ValueTask<byte[]?>(redisCache.GetAsync(key, token)), null).AsTask();

    public bool TryGet(string key, IBufferWriter<byte> destination) => Ask(() => redisCache.TryGet(key, destination), false);

    public ValueTask<bool> TryGetAsync(string key, IBufferWriter<byte> destination, CancellationToken token = default) =>
        AskAsync(() => redisCache.TryGetAsync(key, destination, token), false);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) =>
        Ask(() => { redisCache.Set(key, value, options); return true; }, false);

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        AskAsync(async () => { await redisCache.SetAsync(key, value, options, token).ConfigureAwait(false); return true; }, false).AsTask();

    public void Set(string key, ReadOnlySequence<byte> value, DistributedCacheEntryOptions options) =>
        Ask(() => { redisCache.Set(key, value, options); return true; }, false);

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        await AskAsync(async () => { await redisCache.SetAsync(key, value, options, token).ConfigureAwait(false); return true; }, false).ConfigureAwait(false);

    public void Refresh(string key) => Ask(() => { redisCache.Refresh(key); return true; }, false);

    public Task RefreshAsync(string key, CancellationToken token = default) =>
        AskAsync(async () => { await redisCache.RefreshAsync(key, token).ConfigureAwait(false); return true; }, false).AsTask();

    // A removal is neither skipped nor swallowed: an entry that outlived the outage would be served as if still valid,
    // so its failure must reach the caller (and HybridCache's log).
    public void Remove(string key) => redisCache.Remove(key);

    public Task RemoveAsync(string key, CancellationToken token = default) => redisCache.RemoveAsync(key, token);

    public void Dispose() => (redisCache as IDisposable)?.Dispose();

    /// <summary>Redis's answer, or <paramref name="skipped"/> when Redis is skipped or does not answer.</summary>
    private T Ask<T>(Func<T> call, T skipped)
    {
        if (!ShouldAsk())
        {
            return skipped;
        }

        try
        {
            var answer = call();
            Answered();
            return answer;
        }
        catch (Exception exception) when (IsOutage(exception))
        {
            Failed(exception);
            return skipped;
        }
    }

    /// <inheritdoc cref="Ask{T}"/>
    private async ValueTask<T> AskAsync<T>(Func<ValueTask<T>> call, T skipped)
    {
        if (!ShouldAsk())
        {
            return skipped;
        }

        try
        {
            var answer = await call().ConfigureAwait(false);
            Answered();
            return answer;
        }
        catch (Exception exception) when (IsOutage(exception))
        {
            Failed(exception);
            return skipped;
        }
    }

    // Not connected, refused or timed out; a server's error reply (a RedisServerException) is a fault, not an outage.
    private static bool IsOutage(Exception exception) => exception is RedisConnectionException or TimeoutException;

    private bool ShouldAsk()
    {
        if (!redis.IsConnected)
        {
            Bypass("not connected");
            return false;
        }

        var until = Volatile.Read(ref skipUntilTicks);
        if (until == 0)
        {
            return true;
        }

        var now = time.GetUtcNow().UtcTicks;
        // Once the pause is over one caller tries Redis; the others skip it for another pause unless that one answers,
        // so a Redis that still hangs costs one request a timeout per pause, not every request in that second.
        return now >= until && Interlocked.CompareExchange(ref skipUntilTicks, now + PauseAfterFailure.Ticks, until) == until;
    }

    private void Failed(Exception exception)
    {
        Volatile.Write(ref skipUntilTicks, (time.GetUtcNow() + PauseAfterFailure).UtcTicks);
        Bypass(exception.GetType().Name);
    }

    private void Bypass(string reason)
    {
        if (Interlocked.Exchange(ref bypassing, 1) == 0)
        {
            LogBypassing(logger, reason);
        }
    }

    private void Answered()
    {
        if (Volatile.Read(ref skipUntilTicks) != 0)
        {
            Volatile.Write(ref skipUntilTicks, 0);
        }

        if (Volatile.Read(ref bypassing) == 1 && Interlocked.Exchange(ref bypassing, 0) == 1)
        {
            LogReconnected(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable ({Reason}): the shared cache is skipped (misses are computed here) until it answers again")]
    private static partial void LogBypassing(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis is reachable again: the shared cache is used")]
    private static partial void LogReconnected(ILogger logger);
}
