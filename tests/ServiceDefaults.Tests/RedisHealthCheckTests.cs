using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using ZodiaCore.ServiceDefaults.Data;

namespace ZodiaCore.ServiceDefaults.Tests;

public sealed class RedisHealthCheckTests
{
    [Fact]
    public async Task A_probe_after_the_connection_was_disposed_at_shutdown_reports_the_failure_status_instead_of_throwing()
    {
        // Nothing listens on port 1: the multiplexer exists without a server, as one does while Redis is down.
        var redis = await ConnectionMultiplexer.ConnectAsync("127.0.0.1:1,abortConnect=false,connectTimeout=200");
        await redis.DisposeAsync();
        var check = new RedisHealthCheck(redis);
        var registration = new HealthCheckRegistration("redis", check, HealthStatus.Degraded, null);

        var result = await check.CheckHealthAsync(new HealthCheckContext { Registration = registration }, TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Null(result.Exception);
    }
}
