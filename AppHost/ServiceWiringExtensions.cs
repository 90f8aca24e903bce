using Microsoft.Extensions.Configuration;
using ZodiaCore.AppHost.Infrastructure;

namespace ZodiaCore.AppHost;

/// <summary>How services are connected to the stores and how the gateway is exposed.</summary>
public static class ServiceWiringExtensions
{
    public const string GatewayPortSetting = "ZODIACORE_GATEWAY_PORT";

    /// <summary>References Redis and, where it exists, MongoDB, waiting for both; without MongoDB the service uses its embedded store.</summary>
    public static IResourceBuilder<ProjectResource> WithStores(this IResourceBuilder<ProjectResource> project, ZodiaCoreInfrastructure infrastructure)
    {
        if (infrastructure.Redis is { } redis)
        {
            project.WithReference(redis).WaitFor(redis);
        }

        if (infrastructure.MongoDb is { } mongo)
        {
            project.WithReference(mongo).WaitFor(mongo);
        }

        return project;
    }

    /// <summary>The gateway's public endpoint on ZODIACORE_GATEWAY_PORT (8080; 0 lets the system choose, as tests do).</summary>
    public static IResourceBuilder<ProjectResource> WithGatewayPort(this IResourceBuilder<ProjectResource> gateway)
    {
        var configured = gateway.ApplicationBuilder.Configuration[GatewayPortSetting];
        var port = int.TryParse(configured, out var p) ? p : 8080;
        return gateway
            .WithDirectEndpoint("http", port == 0 ? null : port)
            .WithEndpoint("http", endpoint => endpoint.IsExternal = true);
    }
}
