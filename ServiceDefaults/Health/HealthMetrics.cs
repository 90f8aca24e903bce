using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ZodiaCore.ServiceDefaults.Health;

/// <summary>
/// zodiacore.dependency.up (1 when its last check passed, 0 when it failed, even if the failure only degrades), and zodiacore.memory.limit,
/// so Prometheus can alert on a failing database or cache and on memory against the real limit.
/// </summary>
public sealed class HealthMetrics
{
    public const string MeterName = "ZodiaCore.Health";
    private readonly ConcurrentDictionary<string, int> latest = new(StringComparer.Ordinal);

    public HealthMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("zodiacore.dependency.up", Observe,
            description: "1 when the dependency's last health check passed, else 0");
        meter.CreateObservableGauge("zodiacore.memory.limit", () => SystemSnapshot.MemoryLimitBytes, unit: "By",
            description: "The memory limit the runtime sees: the cgroup limit in a container, else physical memory");
    }

    public void Record(HealthReport report)
    {
        foreach (var (name, entry) in report.Entries)
        {
            // A cache check fails as Degraded by design; for alerting, any failed check means the dependency is down.
            latest[name] = entry.Status == HealthStatus.Healthy ? 1 : 0;
        }
    }

    private IEnumerable<Measurement<int>> Observe() =>
        latest.Select(e => new Measurement<int>(e.Value, new KeyValuePair<string, object?>("dependency", e.Key)));
}

/// <summary>Feeds the periodic health run into <see cref="HealthMetrics"/>.</summary>
internal sealed class HealthMetricsPublisher(HealthMetrics metrics) : IHealthCheckPublisher
{
    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        metrics.Record(report);
        return Task.CompletedTask;
    }
}
