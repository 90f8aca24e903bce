using Scalar.AspNetCore;
using ZodiaCore.ServiceDefaults.OpenApi;

namespace ZodiaCore.Gateway.Docs;

/// <summary>One API reference page for every service, and the AGPL source offer.</summary>
public static class DocsEndpoints
{
    /// <summary>Maps /docs (Scalar over each service's document, proxied at /openapi/&lt;service&gt;/v1.json) and /source.</summary>
    public static WebApplication MapDocsAndSource(this WebApplication app)
    {
        var source = OpenApiExtensions.SourceUrl(app.Configuration);
        app.MapScalarApiReference("/docs", options =>
        {
            options.WithTitle("ZodiaCore API");
            foreach (var service in GatewayServiceCollectionExtensions.DownstreamServices)
            {
                options.AddDocument(service, $"ZodiaCore {service}", $"/openapi/{service}/v1.json",
                    isDefault: service == "charts");
            }
        }).DisableHttpMetrics();

        app.MapGet("/source", () => source.StartsWith("http", StringComparison.OrdinalIgnoreCase)
                ? Results.Redirect(source)
                : Results.Ok(new SourceOffer(OpenApiExtensions.License,
                    "ZodiaCore is free software under the GNU Affero General Public License. The operator of this "
                    + "deployment sets ZODIACORE_SOURCE_URL to where its exact source can be downloaded.", null)))
            .WithName("GetSource").WithSummary("Where to get the source code of this deployment (AGPL-3.0-or-later).");
        return app;
    }
}

/// <summary>The AGPL source offer when no download address is configured.</summary>
public sealed record SourceOffer(string License, string Message, string? Url);
