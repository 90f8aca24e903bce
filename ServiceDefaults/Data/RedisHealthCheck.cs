using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace ZodiaCore.ServiceDefaults.Data;

/// <summary>PING with its latency.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy("Redis answered PING", new Dictionary<string, object>
            {
                ["pingMs"] = Math.Round(latency.TotalMilliseconds, 2),
            });
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis did not answer PING");
        }
        catch (ObjectDisposedException)
        {
            // A probe still in flight while the host shuts down and disposes the connection: a status, not an error log.
            return new HealthCheckResult(context.Registration.FailureStatus, "The Redis connection is closed (shutting down)");
        }
    }
}
