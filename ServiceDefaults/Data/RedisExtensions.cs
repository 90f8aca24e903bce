using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
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
        // Connected in the background: the service answers (more slowly) while Redis is away.
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("cache", HealthStatus.Degraded, timeout: TimeSpan.FromSeconds(2));
        return builder;
    }
}
