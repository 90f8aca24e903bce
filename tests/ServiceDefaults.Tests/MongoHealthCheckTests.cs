using Microsoft.Extensions.Diagnostics.HealthChecks;
using MongoDB.Driver;
using ZodiaCore.ServiceDefaults.Data;

namespace ZodiaCore.ServiceDefaults.Tests;

public sealed class MongoHealthCheckTests
{
    [Fact]
    public async Task A_probe_after_the_client_was_disposed_at_shutdown_reports_the_failure_status_instead_of_throwing()
    {
        // Nothing listens on port 1: the client never connects, as one does not while MongoDB is down.
        var client = new MongoClient("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=200&connectTimeoutMS=200");
        var database = client.GetDatabase("zodiacore");
        client.Dispose();
        var check = new MongoHealthCheck(database);
        var registration = new HealthCheckRegistration("mongodb", check, HealthStatus.Unhealthy, null);

        var result = await check.CheckHealthAsync(new HealthCheckContext { Registration = registration }, TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Null(result.Exception);
    }

    [Fact]
    public async Task A_probe_while_MongoDB_is_unreachable_reports_the_failure_status()
    {
        using var client = new MongoClient("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=200&connectTimeoutMS=200");
        var check = new MongoHealthCheck(client.GetDatabase("zodiacore"));
        var registration = new HealthCheckRegistration("mongodb", check, HealthStatus.Unhealthy, null);

        var result = await check.CheckHealthAsync(new HealthCheckContext { Registration = registration }, TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("MongoDB did not answer ping", result.Description);
    }
}
