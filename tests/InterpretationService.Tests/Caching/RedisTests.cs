using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using ZodiaCore.Tests.Shared;
using ZodiaCore.InterpretationService.Tests.Api;

namespace ZodiaCore.InterpretationService.Tests.Caching;

/// <summary>The L2 cache and the quota counters over a real redis-server started by the test (apt redis-server); skipped without it.</summary>
public sealed class RedisTests : RedisServerTests
{
    [Fact]
    public async Task The_quota_is_counted_in_Redis_the_cached_text_is_encrypted_there_and_Redis_stopped_still_means_200()
    {
        var redis = RequireRedis();
        await using var factory = new LlmInterpretationApiFactory { Redis = redis.ConnectionString };
        using var client = factory.CreateUserClient("paul");

        using var first = await client.InterpretAsync(new { chart = InterpretationApiFactory.InlineChart(), language = "nl" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var text = (await first.ReadJsonAsync()).GetProperty("sections")[0].Text("text");

        var db = factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var quotaKey = $"interpretation:llm-quota:{factory.Time.GetUtcNow().UtcDateTime:yyyyMMdd}:paul";
        Assert.Equal(1, (long)await db.StringGetAsync(quotaKey));
        Assert.NotNull(await db.KeyTimeToLiveAsync(quotaKey));

        var cached = await ReadCacheEntriesAsync(factory.Services.GetRequiredService<IConnectionMultiplexer>());
        Assert.DoesNotContain(text[..20], cached, StringComparison.Ordinal);
        Assert.DoesNotContain("openai writes", cached, StringComparison.Ordinal);

        redis.Stop();
        var started = Stopwatch.GetTimestamp();
        using var afterRedis = await client.InterpretAsync(new { chart = InterpretationApiFactory.InlineChart(), language = "nl", length = "long" });

        Assert.Equal(HttpStatusCode.OK, afterRedis.StatusCode);
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(10), "Redis being down must slow requests down, not hang them.");
    }

    /// <summary>Everything the cache wrote to Redis (it writes in the background, so wait for it).</summary>
    private static async Task<string> ReadCacheEntriesAsync(IConnectionMultiplexer multiplexer)
    {
        var server = multiplexer.GetServers()[0];
        var db = multiplexer.GetDatabase();
        for (var i = 0; i < 100; i++)
        {
            var keys = server.Keys(pattern: "interpretation:interpretation:*").ToList();
            if (keys.Count > 0)
            {
                var all = new StringBuilder();
                foreach (var key in keys)
                {
                    foreach (var field in await db.HashGetAllAsync(key))
                    {
                        all.Append(Encoding.UTF8.GetString((byte[])field.Value!));
                    }
                }

                return all.ToString();
            }

            await Task.Delay(50, Ct);
        }

        throw new Xunit.Sdk.XunitException("No interpretation reached the Redis cache.");
    }
}
