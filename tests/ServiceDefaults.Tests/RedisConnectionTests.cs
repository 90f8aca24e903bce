using System.Buffers;
using System.Diagnostics;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using ZodiaCore.ServiceDefaults.Data;
using ZodiaCore.Tests.Shared;

namespace ZodiaCore.ServiceDefaults.Tests;

/// <summary>The services' one Redis connection, against a real redis-server that goes away and comes back.</summary>
public sealed class RedisConnectionTests : RedisServerTests
{
    [Fact]
    public async Task While_Redis_is_down_a_command_fails_at_once_instead_of_waiting_out_its_timeout_and_works_again_when_Redis_is_back()
    {
        var redis = RequireRedis();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["ConnectionStrings:redis"] = redis.ConnectionString;
        builder.AddRedisConnection();
        using var host = builder.Build();
        var multiplexer = host.Services.GetRequiredService<IConnectionMultiplexer>();
        var database = multiplexer.GetDatabase();
        Assert.True(await database.StringSetAsync("probe", "before"));

        redis.Stop();
        await WaitUntilAsync(() => !multiplexer.IsConnected);

        // Held back for a connection, the command would fail only after its 1 s timeout (about 2 s, measured).
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAsync<RedisConnectionException>(() => database.StringGetAsync("probe"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"The command failed after {clock.ElapsedMilliseconds} ms.");

        await RestartRedisAsync();
        // Just reconnected, the client may still refuse a write for a moment while it checks the server's role.
        await WaitUntilAsync(async () =>
        {
            try
            {
                return await database.StringSetAsync("probe", "after");
            }
            catch (RedisConnectionException)
            {
                return false;
            }
        });
        Assert.Equal("after", (string?)await database.StringGetAsync("probe"));
    }

    [Fact]
    public async Task While_Redis_is_down_the_shared_cache_answers_misses_and_drops_writes_and_logs_the_outage_once()
    {
        var redis = RequireRedis();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["ConnectionStrings:redis"] = redis.ConnectionString;
        builder.Logging.AddFakeLogging();
        builder.AddRedisDistributedCache("tests:");
        using var host = builder.Build();
        var multiplexer = host.Services.GetRequiredService<IConnectionMultiplexer>();
        var cache = host.Services.GetRequiredService<IDistributedCache>();
        // HybridCache reads and writes pooled buffers only through this interface.
        var buffers = Assert.IsAssignableFrom<IBufferDistributedCache>(cache);
        await cache.SetAsync("entry", [1, 2, 3], new DistributedCacheEntryOptions(), Ct);
        Assert.Equal([1, 2, 3], await cache.GetAsync("entry", Ct));

        redis.Stop();
        await WaitUntilAsync(() => !multiplexer.IsConnected);
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(await cache.GetAsync("entry", Ct));
            Assert.False(await buffers.TryGetAsync("entry", new ArrayBufferWriter<byte>(), Ct));
            await cache.SetAsync("entry", [4], new DistributedCacheEntryOptions(), Ct);
            await buffers.SetAsync("entry", new ReadOnlySequence<byte>([5]), new DistributedCacheEntryOptions(), Ct);
        }

        var logs = host.Services.GetFakeLogCollector();
        Assert.Single(logs.GetSnapshot(), log => log.Level >= LogLevel.Warning);

        await RestartRedisAsync();
        // A write refused in the moment after reconnecting pauses the cache again (5 s); then it is used.
        await WaitUntilAsync(async () =>
        {
            await cache.SetAsync("entry", [6], new DistributedCacheEntryOptions(), Ct);
            return await cache.GetAsync("entry", Ct) is [6];
        });
        Assert.Contains(logs.GetSnapshot(), log => log.Level == LogLevel.Information && log.Message.Contains("reachable again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_call_times_out_the_shared_cache_skips_Redis_for_a_pause_then_lets_one_call_try_it_again()
    {
        var redis = RequireRedis();
        // Connected (a hung server keeps its connections), yet every command times out.
        await using var multiplexer = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var redisCache = new HangingDistributedCache { Hung = true };
        var time = new FakeTimeProvider();
        var logger = new FakeLogger<RedisCacheWhileConnected>();
        using var cache = new RedisCacheWhileConnected(redisCache, multiplexer, time, logger);

        Assert.False(await cache.TryGetAsync("entry", new ArrayBufferWriter<byte>(), Ct));
        Assert.Equal(1, redisCache.Calls);
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(await cache.GetAsync("entry", Ct));
            await cache.SetAsync("entry", [1], new DistributedCacheEntryOptions(), Ct);
        }

        Assert.Equal(1, redisCache.Calls);

        time.Advance(RedisCacheWhileConnected.PauseAfterFailure);
        Assert.Null(await cache.GetAsync("entry", Ct));
        Assert.Null(await cache.GetAsync("entry", Ct));
        Assert.Equal(2, redisCache.Calls);
        Assert.Single(logger.Collector.GetSnapshot(), log => log.Level >= LogLevel.Warning);

        redisCache.Hung = false;
        time.Advance(RedisCacheWhileConnected.PauseAfterFailure);
        await cache.SetAsync("entry", [2], new DistributedCacheEntryOptions(), Ct);
        Assert.Equal([2], await cache.GetAsync("entry", Ct));
        Assert.Equal(4, redisCache.Calls);
        Assert.Equal(LogLevel.Information, logger.LatestRecord.Level);
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The connection did not reach the expected state within 30 s.");
            await Task.Delay(20, Ct);
        }
    }
}
