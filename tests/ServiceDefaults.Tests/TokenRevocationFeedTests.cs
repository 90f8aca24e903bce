using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using StackExchange.Redis;
using ZodiaCore.ServiceDefaults.Authentication;
using ZodiaCore.Tests.Shared;

namespace ZodiaCore.ServiceDefaults.Tests;

/// <summary>
/// Revocations made by IdentityService reach every other instance through a real redis-server: at once for instances
/// listening, and from the sorted set for one that starts afterwards.
/// </summary>
public sealed class TokenRevocationFeedTests : RedisServerTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private readonly List<IAsyncDisposable> instances = [];

    public override async ValueTask DisposeAsync()
    {
        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    private static JsonWebToken TokenOf(string subject, DateTimeOffset issuedAt) => new(new JsonWebTokenHandler().CreateToken(
        new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["sid"] = "s-1" },
            IssuedAt = issuedAt.UtcDateTime,
            Expires = (issuedAt + Lifetime).UtcDateTime,
        }));

    /// <summary>One service instance: its own connection, revocation list and feed, started.</summary>
    private async Task<TokenRevocations> StartInstanceAsync()
    {
        var services = new ServiceCollection()
            .AddSingleton<IConnectionMultiplexer>(await ConnectionMultiplexer.ConnectAsync(RequireRedis().ConnectionString))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<TokenRevocations>()
            .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
            .AddSingleton<TokenRevocationFeed>()
            .BuildServiceProvider();
        instances.Add(services);
        await services.GetRequiredService<TokenRevocationFeed>().StartAsync(Ct);
        return services.GetRequiredService<TokenRevocations>();
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (!await condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, Ct);
        }
    }

    [Fact]
    public async Task A_revocation_published_once_is_applied_by_every_listening_instance()
    {
        var redis = RequireRedis();
        var first = await StartInstanceAsync();
        var second = await StartInstanceAsync();
        var now = DateTimeOffset.UtcNow;
        var token = TokenOf("u-1", now.AddMinutes(-1));
        // Listening is set up in the background: wait until a harmless revocation of someone else has arrived.
        await using var publisher = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        await WaitUntilAsync(async () =>
        {
            await TokenRevocationFeed.PublishAsync(publisher, TokenRevocation.ForSubject("probe", now, Lifetime), now);
            return first.Count > 0 && second.Count > 0;
        });
        Assert.False(first.IsRevoked(token));

        await TokenRevocationFeed.PublishAsync(publisher, TokenRevocation.ForSubject("u-1", now, Lifetime), now);

        await WaitUntilAsync(() => first.IsRevoked(token) && second.IsRevoked(token));
        Assert.True(first.IsRevoked(token));
        Assert.True(second.IsRevoked(token));
    }

    [Fact]
    public async Task An_instance_started_after_a_revocation_reads_it_from_redis_but_not_one_whose_tokens_have_expired()
    {
        var redis = RequireRedis();
        var now = DateTimeOffset.UtcNow;
        await using (var publisher = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString))
        {
            await TokenRevocationFeed.PublishAsync(publisher, TokenRevocation.ForSubject("u-old", now - Lifetime - TimeSpan.FromMinutes(5), Lifetime), now);
            await TokenRevocationFeed.PublishAsync(publisher, TokenRevocation.ForSubject("u-1", now, Lifetime), now);
            Assert.Equal(1, await publisher.GetDatabase().SortedSetLengthAsync(TokenRevocation.RedisKey));
        }

        var late = await StartInstanceAsync();

        await WaitUntilAsync(() => late.Count > 0);
        Assert.True(late.IsRevoked(TokenOf("u-1", now.AddMinutes(-1))));
        Assert.Equal(1, late.Count);
    }

    [Fact]
    public async Task Revocations_lost_by_a_Redis_restart_are_shared_again_by_an_instance_that_applies_them()
    {
        var redis = RequireRedis();
        var now = DateTimeOffset.UtcNow;
        var survivor = await StartInstanceAsync();
        await using (var publisher = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString))
        {
            await TokenRevocationFeed.PublishAsync(publisher, TokenRevocation.ForSubject("u-1", now, Lifetime), now);
        }

        await WaitUntilAsync(() => survivor.Count > 0);
        Assert.Equal(1, survivor.Count);

        // Redis restarts without its data; the running instance reconnects by itself.
        redis = await RestartRedisAsync();
        await using var observer = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        await WaitUntilAsync(async () => await observer.GetDatabase().SortedSetLengthAsync(TokenRevocation.RedisKey) > 0, TimeSpan.FromSeconds(30));
        var late = await StartInstanceAsync();
        await WaitUntilAsync(() => late.Count > 0);

        Assert.Equal(1, await observer.GetDatabase().SortedSetLengthAsync(TokenRevocation.RedisKey));
        Assert.True(late.IsRevoked(TokenOf("u-1", now.AddMinutes(-1))));
    }
}
