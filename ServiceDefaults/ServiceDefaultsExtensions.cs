using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using ZodiaCore.ServiceDefaults.Configuration;
using ZodiaCore.ServiceDefaults.Correlation;
using ZodiaCore.ServiceDefaults.Errors;
using ZodiaCore.ServiceDefaults.Health;
using ZodiaCore.ServiceDefaults.Hosting;
using ZodiaCore.ServiceDefaults.Logging;
using ZodiaCore.ServiceDefaults.OpenApi;
using ZodiaCore.ServiceDefaults.Telemetry;

namespace ZodiaCore.ServiceDefaults;

/// <summary>The cross-cutting concerns every ZodiaCore service shares.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Adds logging, telemetry, health, correlation ids, problem details, service discovery and resilience.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton(ServiceIdentity.From(builder.Configuration, builder.Environment));
        builder.AddManagementPort();
        builder.ConfigureSerilog();
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddCorrelationIds();
        builder.AddDefaultProblemDetails();
        builder.AddDefaultOpenApi();
        builder.AddGracefulShutdown();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler(options =>
            {
                // Calls between services take milliseconds and a client waits on each. The defaults (three retries 2, 4
                // and 8 s apart; a breaker that needs 100 calls in 30 s before it can open) kept an interpretation
                // waiting 8 to 11 s for its 503 while ChartService was down. Retries ~100, 200 and 400 ms apart ride
                // over a dropped connection; once half of at least 10 attempts in 30 s have failed, the breaker answers
                // at once for 5 s instead of calling the service.
                options.Retry.Delay = TimeSpan.FromMilliseconds(100);
                options.CircuitBreaker.MinimumThroughput = 10;
                options.CircuitBreaker.FailureRatio = 0.5;
            })
            // Defaults have no client name, so every client of a service shared one pipeline and one breaker: a breaker
            // opened by one failing service refused the calls to all the others (IdentityService calls ChartService and
            // InterpretationService). One pipeline per destination (scheme, host and port) instead.
            .SelectPipelineByAuthority();
            http.AddServiceDiscovery();
            // The factory's logging handlers write only Information and Trace events, which the logging settings drop
            // (SerilogExtensions), yet they open a logging scope on every call; traces and the http.client metrics
            // already record each call.
            http.RemoveAllLoggers();
        });
        return builder;
    }

    /// <summary>Maps /health, /alive, /ready, /metrics and the OpenAPI document.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.EnsureRequiredSettings();
        app.MapHealthEndpoints();
        app.MapPrometheusEndpoint();
        app.MapDefaultOpenApi();
        return app;
    }
}
