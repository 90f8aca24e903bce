using Microsoft.Extensions.Configuration;
using ZodiaCore.AppHost.Infrastructure;

namespace ZodiaCore.AppHost;

/// <summary>How services are connected to the stores and how the gateway is exposed.</summary>
public static class ServiceWiringExtensions
{
    public const string GatewayPortSetting = "ZODIACORE_GATEWAY_PORT";
    public const string GatewayReplicasSetting = "ZodiaCore:GatewayReplicas";

    /// <summary>
    /// The gateway ("gateway", on the fixed port) and any replicas ("gateway-2", …, on free ports), each
    /// referencing and waiting for the services and Redis.
    /// </summary>
    public static IReadOnlyList<IResourceBuilder<ProjectResource>> AddGateways(this IDistributedApplicationBuilder builder,
        string dataDirectory, IResourceBuilder<ParameterResource> encryptionKey, ZodiaCoreInfrastructure infrastructure,
        params IResourceBuilder<ProjectResource>[] services)
    {
        var replicas = int.TryParse(builder.Configuration[GatewayReplicasSetting], out var n) && n > 1 ? n : 1;
        var gateways = new List<IResourceBuilder<ProjectResource>>();
        for (var replica = 1; replica <= replicas; replica++)
        {
            var gateway = builder.AddProject<Projects.Gateway>(replica == 1 ? "gateway" : $"gateway-{replica}", "http")
                .WithZodiaCoreDefaults(dataDirectory, encryptionKey);
            if (replica == 1)
            {
                gateway.WithGatewayPort();
            }

            foreach (var service in services)
            {
                gateway.WithReference(service).WaitFor(service);
            }

            if (infrastructure.Redis is { } redis)
            {
                gateway.WithReference(redis).WaitFor(redis);
            }

            gateways.Add(gateway);
        }

        return gateways;
    }

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

    /// <summary>
    /// The first administrator, from the secret parameters admin-email and admin-password when both are
    /// configured (never a default password); without them no administrator is created.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithBootstrapAdmin(this IResourceBuilder<ProjectResource> identity)
    {
        var builder = identity.ApplicationBuilder;
        if (string.IsNullOrWhiteSpace(builder.Configuration["Parameters:admin-email"])
            || string.IsNullOrWhiteSpace(builder.Configuration["Parameters:admin-password"]))
        {
            return identity;
        }

        return identity
            .WithEnvironment("Identity__BootstrapAdmin__Email", builder.AddParameter("admin-email", secret: true))
            .WithEnvironment("Identity__BootstrapAdmin__Password", builder.AddParameter("admin-password", secret: true));
    }

    /// <summary>
    /// AI provider keys as secret parameters, declared only for the providers configured
    /// (Parameters:openai-api-key, anthropic-api-key, google-api-key); without any, interpretations come from
    /// the built-in interpreter.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithAiProviderKeys(this IResourceBuilder<ProjectResource> interpretation)
    {
        var builder = interpretation.ApplicationBuilder;
        foreach (var (parameter, variable) in new[] { ("openai-api-key", "OPENAI_API_KEY"), ("anthropic-api-key", "ANTHROPIC_API_KEY"), ("google-api-key", "GOOGLE_API_KEY") })
        {
            if (!string.IsNullOrWhiteSpace(builder.Configuration[$"Parameters:{parameter}"]))
            {
                interpretation.WithEnvironment(variable, builder.AddParameter(parameter, secret: true));
            }
        }

        return interpretation;
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
