using Microsoft.AspNetCore.Http;
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

    /// <summary>Configures the OpenTelemetry SDK with the ASP.NET Core, HttpClient, runtime and data-store instrumentation.</summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var identity = ServiceIdentity.From(builder.Configuration, builder.Environment);
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(identity.Name, serviceVersion: identity.Version))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddProcessInstrumentation()
                .AddMeter("Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Hosting",
                    "Microsoft.AspNetCore.RateLimiting", "System.Net.Http", HealthMetrics.MeterName, MeterPrefix)
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
