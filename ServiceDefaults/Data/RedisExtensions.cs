using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ZodiaCore.ServiceDefaults.Data;

/// <summary>
/// A Redis connection that never blocks or fails start-up: Redis is a cache and a shared counter store, so
/// when it is down a service is degraded, not broken.
/// </summary>
public static class RedisExtensions
{
    public const string ConnectionName = "redis";

    /// <summary>True when a Redis connection string is configured.</summary>
    public static bool HasRedis(this IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionName));

    /// <summary>Registers IConnectionMultiplexer for the "redis" connection string and a "cache" check that only degrades.</summary>
    public static TBuilder AddRedisConnection<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var options = ConfigurationOptions.Parse(builder.Configuration.GetConnectionString(ConnectionName)!);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 1000;
        options.AsyncTimeout = 1000;
        options.ConnectRetry = 1;
        // The client's default holds a command while the connection is down until its timeout, so during an outage
        // every request paid a second per Redis call (3 s for an interpretation, measured). Every caller here treats
        // a failed call as a miss or falls back, so failing at once costs nothing and keeps answers fast.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        // Connected in the background: the service answers, degraded, while Redis is away.
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("cache", HealthStatus.Degraded, timeout: TimeSpan.FromSeconds(2));
        return builder;
    }

    /// <summary>
    /// Registers Redis as the distributed cache (HybridCache's second level), its keys under <paramref name="instanceName"/>,
    /// on the connection of <see cref="AddRedisConnection{TBuilder}"/>, and asked only while Redis answers.
    /// </summary>
    public static TBuilder AddRedisDistributedCache<TBuilder>(this TBuilder builder, string instanceName) where TBuilder : IHostApplicationBuilder
    {
        builder.AddRedisConnection();
        var services = builder.Services;
        services.AddStackExchangeRedisCache(options => options.InstanceName = instanceName);
        // The one multiplexer, which connects in the background and survives Redis restarts, not one per cache.
        services.AddOptions<RedisCacheOptions>().Configure<IServiceProvider>((options, provider) =>
            options.ConnectionMultiplexerFactory = () => Task.FromResult(provider.GetRequiredService<IConnectionMultiplexer>()));

        var redisCache = services.Last(descriptor => descriptor.ServiceType == typeof(IDistributedCache));
        services.Remove(redisCache);
        services.AddSingleton<IDistributedCache>(provider => new RedisCacheWhileConnected(
            (IBufferDistributedCache)(redisCache.ImplementationInstance
                ?? redisCache.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, redisCache.ImplementationType!)),
            provider.GetRequiredService<IConnectionMultiplexer>(),
            provider.GetService<TimeProvider>() ?? TimeProvider.System,
            provider.GetRequiredService<ILogger<RedisCacheWhileConnected>>()));
        return builder;
    }
}
