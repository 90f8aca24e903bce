using Microsoft.Extensions.Configuration;
using ZodiaCore.AppHost.Infrastructure;

namespace ZodiaCore.AppHost;

/// <summary>The one data directory (ZODIACORE_DATA_DIR, default .data at the repository root).</summary>
public static class DataDirectoryExtensions
{
    public const string SettingName = "ZODIACORE_DATA_DIR";

    /// <summary>Resolves and creates the data directory.</summary>
    public static string ResolveDataDirectory(this IDistributedApplicationBuilder builder)
    {
        var configured = builder.Configuration[SettingName];
        var path = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(builder.AppHostDirectory, "..", ".data")
            : configured;
        return Directory.CreateDirectory(Path.GetFullPath(path)).FullName;
    }

    /// <summary>Gives a service the data directory and the shared settings every service reads.</summary>
    public static IResourceBuilder<ProjectResource> WithZodiaCoreDefaults(this IResourceBuilder<ProjectResource> project,
        string dataDirectory, IResourceBuilder<ParameterResource> encryptionKey)
    {
        var configuration = project.ApplicationBuilder.Configuration;
        return project
            .WithEnvironment(SettingName, dataDirectory)
            .WithEnvironment("ENCRYPTION_KEY", encryptionKey)
            .WithEnvironment("Identity__Issuer", configuration["Identity:Issuer"] ?? "zodiacore-identity")
            .WithEnvironment("Identity__Audience", configuration["Identity:Audience"] ?? "zodiacore-api")
            .WithEnvironment("Identity__JwksUrl", "http://identity/.well-known/jwks.json")
            .WithDirectEndpoint("http")
            .WithHttpHealthCheck("/health");
    }
}
