using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;
using ZodiaCore.ServiceDefaults.Health;

namespace ZodiaCore.ServiceDefaults.Data;

/// <summary>
/// MongoDB client registration equivalent to the Aspire integration we cannot use: one IMongoClient from the
/// "mongodb" connection string, the service's database, a ping health check and driver tracing.
/// </summary>
public static class MongoExtensions
{
    public const string ConnectionName = "mongodb";

    /// <summary>True when a MongoDB connection string is configured; otherwise the service uses its embedded store.</summary>
    public static bool HasMongoDb(this IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionName));

    /// <summary>Registers IMongoClient and IMongoDatabase (named in the URL, else <paramref name="defaultDatabase"/>) and the "database" health check.</summary>
    public static TBuilder AddMongoDb<TBuilder>(this TBuilder builder, string defaultDatabase) where TBuilder : IHostApplicationBuilder
    {
        var url = MongoUrl.Create(builder.Configuration.GetConnectionString(ConnectionName));
        var settings = MongoClientSettings.FromUrl(url);
        if (url.ServerSelectionTimeout == MongoDefaults.ServerSelectionTimeout)
        {
            // The driver's 30 s would hold each request that long in an outage; serverSelectionTimeoutMS in the URL wins.
            settings.ServerSelectionTimeout = TimeSpan.FromSeconds(10);
        }
        settings.ApplicationName = builder.Environment.ApplicationName;
        builder.Services.AddSingleton<IMongoClient>(_ => new MongoClient(settings));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IMongoClient>().GetDatabase(url.DatabaseName ?? defaultDatabase));
        builder.Services.AddHealthChecks().AddCheck<MongoHealthCheck>("database", tags: [HealthEndpoints.ReadyTag],
            timeout: TimeSpan.FromSeconds(3));
        return builder;
    }
}
