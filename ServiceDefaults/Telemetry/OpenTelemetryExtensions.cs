using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ZodiaCore.ServiceDefaults.Health;

namespace ZodiaCore.ServiceDefaults.Telemetry;

/// <summary>Traces, metrics and logs through OpenTelemetry; OTLP when an endpoint is set, Prometheus always.</summary>
public static class OpenTelemetryExtensions
{
    /// <summary>Meters of ZodiaCore's own services are all named ZodiaCore.&lt;Service&gt;.</summary>
    public const string MeterPrefix = "ZodiaCore.*";

    /// <summary>Setting that keeps every built-in instrument, including those <see cref="IsUnchartedHotPath"/> drops.</summary>
    public const string AllMetricsSetting = "Telemetry:AllMetrics";

    /// <summary>Configures the OpenTelemetry SDK with the ASP.NET Core, HttpClient, runtime and data-store instrumentation.</summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var identity = ServiceIdentity.From(builder.Configuration, builder.Environment);
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var allMetrics = builder.Configuration.GetValue<bool>(AllMetricsSetting);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(identity.Name, serviceVersion: identity.Version))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddProcessInstrumentation()
                .AddMeter("Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Hosting",
                    "Microsoft.AspNetCore.RateLimiting", "System.Net.Http", HealthMetrics.MeterName, MeterPrefix)
                .AddView(instrument => !allMetrics && IsUnchartedHotPath(instrument.Meter.Name, instrument.Name)
                    ? MetricStreamConfiguration.Drop
                    : null)
                .AddPrometheusExporter());

        // Spans are recorded only where they can be exported (the Aspire dashboard sets the endpoint in development;
        // production points it at its collector). Without an exporter, recording three spans per proxied request costs
        // the gateway throughput for nothing; ASP.NET Core still creates the request activity, so W3C trace context
        // still propagates and logs and correlation ids still carry the trace id.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.WithTracing(tracing => tracing
                    .AddSource(builder.Environment.ApplicationName, "ZodiaCore.*", "MongoDB.Driver", "Yarp.ReverseProxy")
                    .AddAspNetCoreInstrumentation(o => o.Filter = IsTraced)
                    .AddHttpClientInstrumentation()
                    .AddRedisInstrumentation())
                .UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// Built-in instruments that record on every request (or every buffer rented) and that no dashboard, alert or
    /// runbook reads (monitoring/METRICS.md is the contract). A dropped instrument is not enabled, so the framework
    /// skips the measurement altogether (in a perf profile of the gateway under load, OpenTelemetry's metric work per
    /// proxied request fell from 10.4 to 3.3 µs of CPU). <see cref="AllMetricsSetting"/> brings them back for an
    /// investigation.
    /// </summary>
    public static bool IsUnchartedHotPath(string meter, string instrument) => meter switch
    {
        // Rented and returned bytes on every buffer Kestrel takes from its pool.
        "Microsoft.AspNetCore.MemoryPool" => true,
        // One match attempt per request, and one authentication (and authorization) measurement per request.
        "Microsoft.AspNetCore.Routing" or "Microsoft.AspNetCore.Authentication" or "Microsoft.AspNetCore.Authorization" => true,
        // Connection-pool bookkeeping updated on every request an HttpClient (or YARP) sends; the request duration
        // stays, it is on the Overview dashboard.
        "System.Net.Http" => instrument is "http.client.active_requests" or "http.client.open_connections"
            or "http.client.request.time_in_queue",
        _ => false,
    };

    /// <summary>Health probes and metric scrapes would drown the traces that matter.</summary>
    public static bool IsTraced(HttpContext context)
    {
        var path = context.Request.Path;
        return !(path.StartsWithSegments(HealthEndpoints.HealthPath)
            || path.StartsWithSegments(HealthEndpoints.AlivePath)
            || path.StartsWithSegments(HealthEndpoints.ReadyPath)
            || path.StartsWithSegments("/metrics"));
    }
}
