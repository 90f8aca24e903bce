using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ZodiaCore.Gateway.RateLimiting;

/// <summary>Registration of the gateway's rate limits and of trusted forwarding proxies.</summary>
public static class RateLimitingExtensions
{
    /// <summary>
    /// Reads "RateLimiting": /api/** 100 per 15 min in Production and 100,000 in Development unless configured;
    /// login and registration 10 per 15 min everywhere; X-Forwarded-For believed only from TrustedProxies.
    /// </summary>
    public static WebApplicationBuilder AddGatewayRateLimiting(this WebApplicationBuilder builder)
    {
        var options = new RateLimitingOptions();
        if (builder.Environment.IsDevelopment())
        {
            // Local tools and benchmarks must not be throttled by the production figure.
            options.Api.PermitLimit = 100_000;
        }

        builder.Configuration.GetSection(RateLimitingOptions.SectionName).Bind(options);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<RateLimitMetrics>();
        builder.Services.AddSingleton<GatewayRateLimits>();
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in options.TrustedProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        return builder;
    }

    /// <summary>Forwarded headers from trusted proxies, then the limits (after authentication, to know the user).</summary>
    public static WebApplication UseGatewayRateLimiting(this WebApplication app)
    {
        app.UseMiddleware<RateLimitingMiddleware>();
        return app;
    }
}
