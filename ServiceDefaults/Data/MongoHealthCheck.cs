using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MongoDB.Bson;
using MongoDB.Driver;

namespace ZodiaCore.ServiceDefaults.Data;

/// <summary>A ping: the database is this service's own, so failing it makes the service unhealthy.</summary>
internal sealed class MongoHealthCheck(IMongoDatabase database) : IHealthCheck
{
    private static readonly BsonDocument Ping = new("ping", 1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await database.RunCommandAsync<BsonDocument>(Ping, cancellationToken: cancellationToken);
            return HealthCheckResult.Healthy("MongoDB answered ping", new Dictionary<string, object>
            {
                ["store"] = "mongodb",
                ["pingMs"] = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2),
            });
        }
        catch (Exception e) when (e is MongoException or TimeoutException or OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "MongoDB did not answer ping");
        }
        catch (ObjectDisposedException)
        {
            // A probe still in flight while the host shuts down and disposes the client: a status, not an error log.
            return new HealthCheckResult(context.Registration.FailureStatus, "The MongoDB client is closed (shutting down)");
        }
    }
}
