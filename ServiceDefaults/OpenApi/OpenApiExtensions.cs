using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;

namespace ZodiaCore.ServiceDefaults.OpenApi;

/// <summary>Each service publishes its OpenAPI document at /openapi/v1.json; the gateway shows them all at /docs.</summary>
public static class OpenApiExtensions
{
    public const string DocumentPath = "/openapi/{documentName}.json";
    public const string SourceUrlSetting = "ZODIACORE_SOURCE_URL";
    public const string License = "AGPL-3.0-or-later";

    /// <summary>Adds the OpenAPI document with the service's name, version, licence and source link.</summary>
    public static TBuilder AddDefaultOpenApi<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var identity = ServiceIdentity.From(builder.Configuration, builder.Environment);
        var source = SourceUrl(builder.Configuration);
        var problems = new ProblemResponsesTransformer();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer(problems).AddOperationTransformer(problems).AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = $"ZodiaCore {identity.Name} API";
            document.Info.Version = identity.Version;
            // The AGPL asks that network users be offered the source: the link travels with every document.
            document.Info.Description = $"Part of ZodiaCore, free software under the GNU {License}. Source: {source}";
            document.Info.License = new OpenApiLicense { Name = License, Identifier = License };
            // Clients reach every service through the gateway, never at its internal address.
            document.Servers = [];
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>Maps the OpenAPI document.</summary>
    public static WebApplication MapDefaultOpenApi(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath);
        return app;
    }

    /// <summary>Where the source of this deployment is offered (ZODIACORE_SOURCE_URL), else the gateway's /source page.</summary>
    public static string SourceUrl(IConfiguration configuration) =>
        configuration[SourceUrlSetting] is { Length: > 0 } url ? url : "/source";
}
