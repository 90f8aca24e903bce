using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;

namespace ZodiaCore.ServiceDefaults.Health;

/// <summary>Health checks of other ZodiaCore services, by their service-discovery names.</summary>
public static class DownstreamHealthExtensions
{
    /// <summary>Adds one check per service ("charts", "identity", …) probing its /health once within <paramref name="timeout"/> (default 1 s).</summary>
    public static TBuilder AddDownstreamHealthChecks<TBuilder>(this TBuilder builder, IEnumerable<string> services,
        HealthStatus failureStatus = HealthStatus.Degraded, TimeSpan? timeout = null) where TBuilder : IHostApplicationBuilder
    {
        var probeTimeout = timeout ?? TimeSpan.FromSeconds(1);
        // Retries would multiply the probe time; a health probe reports what it sees once.
#pragma warning disable EXTEXP0001 // experimental, but the supported way to opt one client out of the defaults
        builder.Services.AddHttpClient(DownstreamHealthCheck.HttpClientName).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        var checks = builder.Services.AddHealthChecks();
        foreach (var service in services)
        {
            checks.Add(new HealthCheckRegistration(service,
                sp => new DownstreamHealthCheck(sp.GetRequiredService<IHttpClientFactory>(), service, probeTimeout),
                failureStatus, [HealthEndpoints.DownstreamTag], probeTimeout + TimeSpan.FromMilliseconds(500)));
        }

        return builder;
    }
}
