using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Exporter;
using ZodiaCore.ServiceDefaults.Configuration;

namespace ZodiaCore.ServiceDefaults.Hosting;

/// <summary>
/// Operator-only surfaces (/metrics, detailed health) are served on a separate port outside Development
/// (ZODIACORE_MANAGEMENT_PORT), so the public listener never exposes them.
/// </summary>
public sealed class ManagementPort
{
    public const string SettingName = "ZODIACORE_MANAGEMENT_PORT";

    /// <summary>Optional: the one IP address the management port listens on; unset, every interface (Prometheus scrapes it).</summary>
    public const string AddressSettingName = "ZODIACORE_MANAGEMENT_ADDRESS";

    /// <summary>The management port, or null in Development where everything is served on one listener.</summary>
    public int? Port { get; init; }

    /// <summary>True when this request may see operator detail.</summary>
    public bool IsOperatorRequest(HttpContext context) => Port is null || context.Connection.LocalPort == Port;
}

/// <summary>Registration of the management port.</summary>
public static class ManagementPortExtensions
{
    /// <summary>Outside Development, requires ZODIACORE_MANAGEMENT_PORT and adds it to the listening URLs.</summary>
    public static TBuilder AddManagementPort<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddSingleton(new ManagementPort());
            return builder;
        }

        builder.RequireSettings(new RequiredSetting(ManagementPort.SettingName,
            "the port for /metrics and detailed health (1-65535)",
            value => int.TryParse(value, out var p) && p is > 0 and < 65536));
        if (!int.TryParse(builder.Configuration[ManagementPort.SettingName], out var port))
        {
            return builder; // reported with every other missing setting when the endpoints are mapped
        }

        var address = builder.Configuration[ManagementPort.AddressSettingName];
        if (!string.IsNullOrWhiteSpace(address))
        {
            builder.RequireSettings(new RequiredSetting(ManagementPort.AddressSettingName,
                "the IP address the management port listens on, e.g. 127.0.0.1 or a private interface's; unset for every interface",
                value => IPAddress.TryParse(value, out _)));
        }

        builder.Configuration[WebHostDefaults.ServerUrlsKey] = string.Join(';', PublicUrls(builder.Configuration).Append($"http://{Host(address)}:{port}"));
        builder.Services.AddSingleton(new ManagementPort { Port = port });
        return builder;
    }

    /// <summary>Maps the Prometheus scrape endpoint, only on the management port outside Development.</summary>
    public static WebApplication MapPrometheusEndpoint(this WebApplication app)
    {
        var management = app.Services.GetRequiredService<ManagementPort>();
        var endpoint = app.MapPrometheusScrapingEndpoint("/metrics");
        if (management.Port is { } port)
        {
            endpoint.RequireHost($"*:{port}");
        }

        return app;
    }

    private static string Host(string? address) => IPAddress.TryParse(address, out var ip)
        ? ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString()
        : "+"; // unset, or invalid and reported with the other settings before the process starts listening

    private static IEnumerable<string> PublicUrls(IConfiguration configuration)
    {
        var urls = configuration[WebHostDefaults.ServerUrlsKey];
        if (!string.IsNullOrWhiteSpace(urls))
        {
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        var http = (configuration["HTTP_PORTS"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => $"http://+:{p}");
        var https = (configuration["HTTPS_PORTS"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => $"https://+:{p}");
        var all = http.Concat(https).ToList();
        return all.Count > 0 ? all : ["http://localhost:5000"];
    }
}
