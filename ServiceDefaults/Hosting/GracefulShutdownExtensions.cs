using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ZodiaCore.ServiceDefaults.Hosting;

/// <summary>SIGTERM drains in-flight requests for up to SHUTDOWN_TIMEOUT_SECONDS (30) before the process exits 0.</summary>
public static class GracefulShutdownExtensions
{
    /// <summary>Sets the drain timeout; readiness turns unhealthy as soon as stopping begins (ShutdownReadinessCheck).</summary>
    public static TBuilder AddGracefulShutdown<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var seconds = int.TryParse(builder.Configuration["SHUTDOWN_TIMEOUT_SECONDS"], out var s) && s > 0 ? s : 30;
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(seconds));
        return builder;
    }
}
