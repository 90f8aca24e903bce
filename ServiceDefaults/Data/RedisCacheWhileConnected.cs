using System.Buffers;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ZodiaCore.ServiceDefaults.Data;

/// <summary>
/// The Redis layer of HybridCache, asked only while the connection is up. HybridCache logs every failed read and write
/// of its second level as an error with the exception, so through a Redis outage each cached request wrote two stack
/// traces; here a request while Redis is away is a miss and its write is dropped, and the outage is logged once.
/// </summary>
/// <remarks>
/// Implements the buffer interface too, which HybridCache prefers: it reads and writes pooled buffers instead of arrays.
/// </remarks>
internal sealed partial class RedisCacheWhileConnected(IBufferDistributedCache redisCache, IConnectionMultiplexer redis,
    ILogger<RedisCacheWhileConnected> logger) : IBufferDistributedCache, IDisposable
{
    private int bypassing;

    public byte[]? Get(string key) => Connected() ? redisCache.Get(key) : null;

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) =>
        Connected() ? redisCache.GetAsync(key, token) : Task.FromResult<byte[]?>(null);

    public bool TryGet(string key, IBufferWriter<byte> destination) => Connected() && redisCache.TryGet(key, destination);

    public ValueTask<bool> TryGetAsync(string key, IBufferWriter<byte> destination, CancellationToken token = default) =>
        Connected() ? redisCache.TryGetAsync(key, destination, token) : ValueTask.FromResult(false);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        if (Connected())
        {
            redisCache.Set(key, value, options);
        }
    }

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        Connected() ? redisCache.SetAsync(key, value, options, token) : Task.CompletedTask;

    public void Set(string key, ReadOnlySequence<byte> value, DistributedCacheEntryOptions options)
    {
        if (Connected())
        {
            redisCache.Set(key, value, options);
        }
    }

    public ValueTask SetAsync(string key, ReadOnlySequence<byte> value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        Connected() ? redisCache.SetAsync(key, value, options, token) : ValueTask.CompletedTask;

    public void Refresh(string key)
    {
        if (Connected())
        {
            redisCache.Refresh(key);
        }
    }

    public Task RefreshAsync(string key, CancellationToken token = default) =>
        Connected() ? redisCache.RefreshAsync(key, token) : Task.CompletedTask;

    // A removal is not skipped: an entry that outlives the outage would be served as if still valid, so its failure
    // must reach the caller (and HybridCache's log).
    public void Remove(string key) => redisCache.Remove(key);

    public Task RemoveAsync(string key, CancellationToken token = default) => redisCache.RemoveAsync(key, token);

    public void Dispose() => (redisCache as IDisposable)?.Dispose();

    private bool Connected()
    {
        if (redis.IsConnected)
        {
            if (Interlocked.Exchange(ref bypassing, 0) == 1)
            {
                LogReconnected(logger);
            }

            return true;
        }

        if (Interlocked.Exchange(ref bypassing, 1) == 0)
        {
            LogBypassing(logger);
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable: the shared cache is skipped (misses are computed here) until it is back")]
    private static partial void LogBypassing(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis is reachable again: the shared cache is used")]
    private static partial void LogReconnected(ILogger logger);
}
