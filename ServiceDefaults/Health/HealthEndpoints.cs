using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace ZodiaCore.ServiceDefaults.Health;

/// <summary>The three health endpoints and the tags that decide which checks each one runs.</summary>
public static class HealthEndpoints
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";
    public const string ReadyPath = "/ready";

    /// <summary>Checks of the process itself.</summary>
    public const string LiveTag = "live";

    /// <summary>Checks of this service's own dependencies; never of other services.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Checks of other ZodiaCore services; they only ever degrade the detailed report.</summary>
    public const string DownstreamTag = "downstream";

    /// <summary>Registers the process and shutdown checks and publishes dependency health as metrics.</summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton<ShutdownReadinessCheck>();
        builder.Services.AddSingleton<HealthMetrics>();
        builder.Services.AddSingleton<HealthReportWriter>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IHealthCheckPublisher, HealthMetricsPublisher>();
        builder.Services.Configure<HealthCheckPublisherOptions>(o =>
        {
            o.Delay = TimeSpan.FromSeconds(2);
            o.Period = TimeSpan.FromSeconds(10);
        });
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag])
            .AddCheck<ShutdownReadinessCheck>("shutdown", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>Maps /alive, /ready and /health.</summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        var writer = app.Services.GetRequiredService<HealthReportWriter>();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) })
            .DisableHttpMetrics();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(ReadyTag),
            ResponseWriter = writer.WriteSummaryAsync,
        }).DisableHttpMetrics();
        app.MapHealthChecks(HealthPath, new HealthCheckOptions
        {
            Predicate = r => !r.Tags.Contains(LiveTag),
            ResponseWriter = writer.WriteAsync,
        }).DisableHttpMetrics();
        return app;
    }
}
