using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using ZodiaCore.Gateway.Caching;
using ZodiaCore.Gateway.RateLimiting;
using ZodiaCore.Gateway.Security;
using ZodiaCore.ServiceDefaults.Authentication;
using ZodiaCore.ServiceDefaults.Data;
using ZodiaCore.ServiceDefaults.Health;

namespace ZodiaCore.Gateway;

/// <summary>Registration of the gateway's proxy, limits, CORS and downstream health.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>The services behind the gateway, by their AppHost resource names.</summary>
    public static readonly string[] DownstreamServices = ["identity", "charts", "interpretation"];

    /// <summary>Adds YARP with service-discovery destinations, body limits, security headers and CORS.</summary>
    public static WebApplicationBuilder AddGatewayServices(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.AddSingleton(options);

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
        });
        builder.Services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = options.MaxRequestBodyBytes);

        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();

        builder.AddGatewayCors(options);
        if (builder.Configuration.HasRedis())
        {
            builder.AddRedisConnection();
        }

        // Tokens are checked here too: /api/admin/** needs the admin role before anything is forwarded,
        // and rate limits count per user.
        builder.AddDefaultAuthentication();
        builder.AddGatewayRateLimiting();
        builder.AddGatewayResponseCache();

        builder.AddDownstreamHealthChecks(DownstreamServices);
        return builder;
    }

    /// <summary>Trusted forwarding, security headers, the early body-size check, CORS, authentication, rate limits, then
    /// the answer cache (after the limits, so an answer from the cache is still counted).</summary>
    public static WebApplication UseGatewayPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RequestSizeLimitMiddleware>();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseGatewayRateLimiting();
        app.UseOutputCache();
        return app;
    }
}
