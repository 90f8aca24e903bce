using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
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
            .WriteTo.Console(new CompactJsonFormatter())
            .WriteTo.File(new CompactJsonFormatter(), Path.Combine(logDirectory, "combined.log"),
                fileSizeLimitBytes: settings.MaxFileBytes, rollOnFileSizeLimit: true,
                retainedFileCountLimit: settings.MaxFiles, shared: true)
            .WriteTo.File(new CompactJsonFormatter(), Path.Combine(logDirectory, "error.log"),
                restrictedToMinimumLevel: LogEventLevel.Error,
                fileSizeLimitBytes: settings.MaxFileBytes, rollOnFileSizeLimit: true,
                retainedFileCountLimit: settings.MaxFiles, shared: true),
            writeToProviders: true);
        return builder;
    }
}
