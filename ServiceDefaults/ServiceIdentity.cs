using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ZodiaCore.ServiceDefaults;

/// <summary>Who this process is: the name operators see in logs, health and metrics.</summary>
public sealed record ServiceIdentity(string Name, string Version, DateTimeOffset StartedAt)
{
    public static ServiceIdentity From(IConfiguration configuration, IHostEnvironment environment)
    {
        // Aspire sets OTEL_SERVICE_NAME to the resource name ("charts"), which is also the Prometheus job.
        var name = configuration["OTEL_SERVICE_NAME"] ?? environment.ApplicationName;
        var assembly = Assembly.GetEntryAssembly() ?? typeof(ServiceIdentity).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return new ServiceIdentity(name, plus > 0 ? version[..plus] : version, DateTimeOffset.UtcNow);
    }

    public TimeSpan Uptime => DateTimeOffset.UtcNow - StartedAt;
}
