using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Configuration;
using Serilog.Events;
using Serilog.Formatting.Compact;
using ZodiaCore.ServiceDefaults.Hosting;

namespace ZodiaCore.ServiceDefaults.Logging;

/// <summary>Structured JSON logs to the console and to bounded rolling files, forwarded to OpenTelemetry.</summary>
public static class SerilogExtensions
{
    /// <summary>Replaces the default logging providers with Serilog configured from LOG_* settings.</summary>
    public static TBuilder ConfigureSerilog<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var settings = LogSettings.From(builder.Configuration);
        var identity = ServiceIdentity.From(builder.Configuration, builder.Environment);
        var logDirectory = DataDirectory.Resolve(builder.Configuration, "logs", identity.Name);

        builder.Services.AddHttpContextAccessor();
        // The OpenTelemetry logger provider stays registered: Serilog writes to it so the dashboard sees logs.
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog((services, logger) => logger
            .MinimumLevel.Is(settings.Level)
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Extensions.Http", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("Yarp", LogEventLevel.Warning)
            .MinimumLevel.Override("Polly", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Service", identity.Name)
            .Enrich.WithProperty("Version", identity.Version)
            .Enrich.With(new RequestContextEnricher(services.GetRequiredService<IHttpContextAccessor>()))
            .WriteToSinks(settings, sinks =>
            {
                sinks.Console(new CompactJsonFormatter());
                sinks.File(new CompactJsonFormatter(), Path.Combine(logDirectory, "combined.log"),
                    fileSizeLimitBytes: settings.MaxFileBytes, rollOnFileSizeLimit: true,
                    retainedFileCountLimit: settings.MaxFiles, shared: true);
                sinks.File(new CompactJsonFormatter(), Path.Combine(logDirectory, "error.log"),
                    restrictedToMinimumLevel: LogEventLevel.Error,
                    fileSizeLimitBytes: settings.MaxFileBytes, rollOnFileSizeLimit: true,
                    retainedFileCountLimit: settings.MaxFiles, shared: true);
            }),
            writeToProviders: true,
            // This host's own logger, disposed (and flushed) with it. Otherwise Serilog routes every host's events
            // through the process-wide Log.Logger, and the first host to stop closes it for all the others (tests
            // run several hosts in one process).
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// The console and file sinks, behind one background writer unless LOG_ASYNC is false. A request then never waits
    /// for a console that its reader (a container runtime, a log shipper) drains slowly, nor for the shared files'
    /// lock and flush. Nothing is dropped: when 10,000 events wait, a writer blocks as it would without the buffer
    /// (security events are logged here too). Events still buffered when the process is killed are lost; stopping it
    /// writes them out. LOG_ASYNC=false writes each event before the call returns, for chasing a crash.
    /// </summary>
    private static LoggerConfiguration WriteToSinks(this LoggerConfiguration logger, LogSettings settings, Action<LoggerSinkConfiguration> sinks)
    {
        if (settings.Async)
        {
            return logger.WriteTo.Async(sinks, bufferSize: 10_000, blockWhenFull: true);
        }

        sinks(logger.WriteTo);
        return logger;
    }
}
