using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ZodiaCore.AppHost.Infrastructure;

/// <summary>The stores the services use, however they are provided; MongoDB is absent where no server exists.</summary>
public sealed record ZodiaCoreInfrastructure(
    InfrastructureMode Mode,
    IResourceBuilder<IResourceWithConnectionString>? Redis,
    IResourceBuilder<IResourceWithConnectionString>? MongoDb);

/// <summary>Declares Redis and MongoDB for the chosen infrastructure mode.</summary>
public static class InfrastructureExtensions
{
    /// <summary>Adds "redis" and, where a server exists or is configured, "mongodb"; local mode holds no container resource.</summary>
    public static ZodiaCoreInfrastructure AddZodiaCoreInfrastructure(this IDistributedApplicationBuilder builder, string dataDirectory)
    {
        var mode = InfrastructureModeSelector.Select(builder.Configuration);
        return mode switch
        {
            InfrastructureMode.Containers => new(mode, Upcast(builder, builder.AddRedis("redis").WithDataVolume("zodiacore-redis-data")),
                Upcast(builder, builder.AddMongoContainer())),
            InfrastructureMode.Local => new(mode, Upcast(builder, builder.AddLocalRedis(dataDirectory)),
                ExecutableLookup.Find("mongod") is { } mongod ? Upcast(builder, builder.AddLocalMongo(mongod, dataDirectory)) : null),
            _ => new(mode, builder.AddConfiguredConnectionString("redis"), builder.AddConfiguredConnectionString("mongodb")),
        };
    }

    /// <summary>redis-server from PATH on a port DCP allocates, with its files under the data directory.</summary>
    public static IResourceBuilder<RedisServerResource> AddLocalRedis(this IDistributedApplicationBuilder builder, string dataDirectory)
    {
        var command = ExecutableLookup.Find("redis-server")
            ?? throw new InvalidOperationException("Local infrastructure needs redis-server on PATH: apt-get install redis-server (make run does it).");
        var directory = Directory.CreateDirectory(Path.Combine(dataDirectory, "redis")).FullName;
        var resource = new RedisServerResource("redis", command, directory);
        builder.AddTcpHealthCheck("redis-ping", resource.Endpoint, "PING\r\n", "+PONG");
        return builder.AddResource(resource)
            .WithEndpoint(name: RedisServerResource.EndpointName, scheme: "tcp")
            .WithDirectEndpoint(RedisServerResource.EndpointName)
            .WithArgs(context =>
            {
                context.Args.Add("--port");
                context.Args.Add(resource.Endpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--bind");
                context.Args.Add("127.0.0.1");
                context.Args.Add("--dir");
                context.Args.Add(directory);
                // A cache and counter store: persistence would only slow start-up and fill the disk.
                context.Args.Add("--save");
                context.Args.Add("");
                context.Args.Add("--appendonly");
                context.Args.Add("no");
            })
            .WithHealthCheck("redis-ping");
    }

    /// <summary>mongod from PATH with its database under the data directory.</summary>
    public static IResourceBuilder<MongoServerResource> AddLocalMongo(this IDistributedApplicationBuilder builder, string command, string dataDirectory)
    {
        var directory = Directory.CreateDirectory(Path.Combine(dataDirectory, "mongodb")).FullName;
        var resource = new MongoServerResource("mongodb", command, directory);
        builder.AddTcpHealthCheck("mongodb-tcp", resource.Endpoint);
        return builder.AddResource(resource)
            .WithEndpoint(name: MongoServerResource.EndpointName, scheme: "tcp")
            .WithDirectEndpoint(MongoServerResource.EndpointName)
            .WithArgs(context =>
            {
                context.Args.Add("--port");
                context.Args.Add(resource.Endpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--bind_ip");
                context.Args.Add("127.0.0.1");
                context.Args.Add("--dbpath");
                context.Args.Add(directory);
            })
            .WithHealthCheck("mongodb-tcp");
    }

    /// <summary>The official mongo image with a named data volume (Aspire.Hosting.MongoDB is not available to us).</summary>
    public static IResourceBuilder<MongoContainerResource> AddMongoContainer(this IDistributedApplicationBuilder builder)
    {
        var resource = new MongoContainerResource("mongodb");
        builder.AddTcpHealthCheck("mongodb-tcp", resource.Endpoint);
        return builder.AddResource(resource)
            .WithImage("mongo", "8.0")
            .WithImageRegistry("docker.io")
            .WithEndpoint(targetPort: 27017, name: MongoContainerResource.EndpointName, scheme: "tcp")
            .WithVolume("zodiacore-mongodb-data", "/data/db")
            .WithHealthCheck("mongodb-tcp");
    }

    /// <summary>A connection string from ConnectionStrings:&lt;name&gt; (external mode), or null when none is configured.</summary>
    public static IResourceBuilder<IResourceWithConnectionString>? AddConfiguredConnectionString(this IDistributedApplicationBuilder builder, string name) =>
        string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(name)) ? null : builder.AddConnectionString(name);

    private static void AddTcpHealthCheck(this IDistributedApplicationBuilder builder, string key, EndpointReference endpoint,
        string? send = null, string? expect = null) =>
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(key, _ => new TcpHealthCheck(endpoint, send, expect),
            HealthStatus.Unhealthy, tags: null, timeout: TimeSpan.FromSeconds(3)));

    private static IResourceBuilder<IResourceWithConnectionString> Upcast<T>(IDistributedApplicationBuilder builder, IResourceBuilder<T> resource)
        where T : IResourceWithConnectionString =>
        builder.CreateResourceBuilder<IResourceWithConnectionString>(resource.Resource);
}
