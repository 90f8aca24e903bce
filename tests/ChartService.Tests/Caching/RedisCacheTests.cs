using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using ZodiaCore.Tests.Shared;
using ZodiaCore.ChartService.Extensions;
using ZodiaCore.ChartService.Tests.Apis;
using ZodiaCore.ChartService.Tests.Charts;
using static ZodiaCore.ChartService.Tests.Apis.ChartRequests;

namespace ZodiaCore.ChartService.Tests.Caching;

/// <summary>The chart cache over a real redis-server started by the test (apt redis-server); skipped without it.</summary>
public sealed class RedisCacheTests : RedisServerTests
{
    [Fact]
    public async Task What_goes_to_Redis_is_encrypted_and_Redis_stopped_means_still_200()
    {
        var redis = RequireRedis();
        await using var factory = new ChartApiFactory { Redis = redis.ConnectionString };
        using var client = factory.CreateClient();

        using var first = await client.PostAsync("/api/charts/natal", Json(Distinct(3)), Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var chart = JsonDocument.Parse(await first.Content.ReadAsStringAsync(Ct)).RootElement;
        var contentId = chart.GetProperty("contentId").GetString()!;
        var stored = await ReadRedisEntryAsync(factory.Services.GetRequiredService<IConnectionMultiplexer>(), contentId);

        var text = Encoding.UTF8.GetString(stored);
        Assert.DoesNotContain(chart.GetProperty("utc").GetString()!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(chart.GetProperty("bodies")[0].GetProperty("formatted").GetString()!, text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"longitude\"", text, StringComparison.Ordinal);
        Assert.True(CarriesSerializerHeader(stored, contentId), "The Redis entry was not written by the encrypting serializer.");

        redis.Stop();
        var started = Stopwatch.GetTimestamp();
        using var uncached = await client.PostAsync("/api/charts/natal", Json(Distinct(4)), Ct);
        using var cached = await client.PostAsync("/api/charts/natal", Json(Distinct(3)), Ct);

        Assert.Equal(HttpStatusCode.OK, uncached.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(10), "Redis being down must slow requests down, not hang them.");
    }

    [Fact]
    public async Task The_Redis_key_is_the_keyed_content_id_not_the_plain_hash_of_the_birth_data()
    {
        var server = RequireRedis();
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var factory = new ChartApiFactory { Redis = server.ConnectionString, Settings = new Dictionary<string, string> { ["ENCRYPTION_KEY"] = key } };
        using var client = factory.CreateClient();
        var request = RecomputedContentId.Parse(Distinct(5));

        using var response = await client.PostAsync("/api/charts/natal", Json(Distinct(5)), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var redis = factory.Services.GetRequiredService<IConnectionMultiplexer>();
        var keyed = RecomputedContentId.WithKey(key, request);
        var plain = RecomputedContentId.WithoutKey(request);
        var stored = await ReadRedisEntryAsync(redis, keyed);
        Assert.True(CarriesSerializerHeader(stored, keyed), "The Redis entry was not written under the keyed content id.");
        Assert.False(await redis.GetDatabase().KeyExistsAsync(ChartServiceCollectionExtensions.RedisKeyPrefix + plain));
        Assert.False(CarriesSerializerHeader(stored, plain), "The Redis entry carries the unkeyed hash of the birth data.");
    }

    /// <summary>The raw bytes Redis holds for the chart (the cache writes in the background, so wait for them).</summary>
    private static async Task<byte[]> ReadRedisEntryAsync(IConnectionMultiplexer redis, string contentId)
    {
        var key = ChartServiceCollectionExtensions.RedisKeyPrefix + contentId;
        var db = redis.GetDatabase();
        for (var i = 0; i < 100; i++)
        {
            if (await db.KeyExistsAsync(key))
            {
                var fields = await db.HashGetAllAsync(key);
                return fields.SelectMany(f => (byte[])f.Value!).ToArray();
            }

            await Task.Delay(50, Ct);
        }

        throw new Xunit.Sdk.XunitException($"The chart never reached Redis under {key}.");
    }

    /// <summary>The serializer's entry, inside HybridCache's own framing, starts with the content id after its length byte.</summary>
    private static bool CarriesSerializerHeader(byte[] stored, string contentId)
    {
        byte[] marker = [(byte)contentId.Length, .. Encoding.ASCII.GetBytes(contentId)];
        return stored.AsSpan().IndexOf(marker) >= 0;
    }
}
