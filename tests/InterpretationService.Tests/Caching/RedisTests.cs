using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using ZodiaCore.InterpretationService.Tests.Api;

namespace ZodiaCore.InterpretationService.Tests.Caching;

/// <summary>The L2 cache and the quota counters over a real redis-server started by the test (apt redis-server); skipped without it.</summary>
public sealed class RedisTests : IAsyncLifetime
{
    private const string RedisServer = "/usr/bin/redis-server";

    private Process? redis;
    private int port;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(RedisServer))
        {
            return;
        }

        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        redis = Process.Start(new ProcessStartInfo(RedisServer,
            ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        });
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, Ct);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, Ct);
            }
        }

        throw new InvalidOperationException("redis-server did not start listening within 5 s.");
    }

    public ValueTask DisposeAsync()
    {
        StopRedis();
        redis?.Dispose();
        return ValueTask.CompletedTask;
    }

    private void StopRedis()
    {
        if (redis is { HasExited: false })
        {
            redis.Kill();
            redis.WaitForExit(5000);
        }
    }

    [Fact]
    public async Task The_quota_is_counted_in_Redis_the_cached_text_is_encrypted_there_and_Redis_stopped_still_means_200()
    {
        Assert.SkipWhen(redis is null, $"{RedisServer} is not installed (apt-get install redis-server).");
        await using var factory = new LlmInterpretationApiFactory { Redis = $"127.0.0.1:{port}" };
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

        StopRedis();
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
