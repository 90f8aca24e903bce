using System.Buffers;
using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace ZodiaCore.ServiceDefaults.Tests;

/// <summary>A distributed cache in memory that, while <see cref="Hung"/>, times out as Redis's client does when the server stops answering.</summary>
internal sealed class HangingDistributedCache : IBufferDistributedCache
{
    private readonly Dictionary<string, byte[]> entries = [];

    public bool Hung { get; set; }

    public int Calls { get; private set; }

    public byte[]? Get(string key)
    {
        Enter();
        return entries.GetValueOrDefault(key);
    }

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult(Get(key));

    public bool TryGet(string key, IBufferWriter<byte> destination)
    {
        if (Get(key) is not { } value)
        {
            return false;
        }

        destination.Write(value);
        return true;
    }

    public ValueTask<bool> TryGetAsync(string key, IBufferWriter<byte> destination, CancellationToken token = default) =>
        ValueTask.FromResult(TryGet(key, destination));

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        Enter();
        entries[key] = value;
    }

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        Set(key, value, options);
        return Task.CompletedTask;
    }

    public void Set(string key, ReadOnlySequence<byte> value, DistributedCacheEntryOptions options) => Set(key, value.ToArray(), options);

    public ValueTask SetAsync(string key, ReadOnlySequence<byte> value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        Set(key, value, options);
        return ValueTask.CompletedTask;
    }

    public void Refresh(string key) => Enter();

    public Task RefreshAsync(string key, CancellationToken token = default)
    {
        Refresh(key);
        return Task.CompletedTask;
    }

    public void Remove(string key)
    {
        Enter();
        entries.Remove(key);
    }

    public Task RemoveAsync(string key, CancellationToken token = default)
    {
        Remove(key);
        return Task.CompletedTask;
    }

    private void Enter()
    {
        Calls++;
        if (Hung)
        {
            throw new RedisTimeoutException(CommandFlags.None, "Timeout awaiting response (test)", CommandStatus.Sent);
        }
    }
}
