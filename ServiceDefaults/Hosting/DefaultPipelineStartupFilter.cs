using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Events;
using ZodiaCore.ServiceDefaults.Telemetry;
using ZodiaCore.ServiceDefaults.Correlation;

namespace ZodiaCore.ServiceDefaults.Hosting;

/// <summary>
/// Puts the correlation id, the exception handler and problem-details status pages in front of every
/// service's own pipeline, so no Program.cs can forget them or get their order wrong.
/// </summary>
internal sealed class DefaultPipelineStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        // One structured event per request, carrying the correlation id: the line operators search for.
        app.UseSerilogRequestLogging(o =>
        {
            o.GetLevel = RequestLevel;
            // This host's logger: without it the middleware writes to the process-wide Log.Logger, which hosts do not set.
            o.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        next(app);
    };

    private static LogEventLevel RequestLevel(HttpContext context, double elapsedMs, Exception? exception) =>
        exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
        : !OpenTelemetryExtensions.IsTraced(context) ? LogEventLevel.Verbose
        : LogEventLevel.Information;
}
