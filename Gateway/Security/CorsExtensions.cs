namespace ZodiaCore.Gateway.Security;

/// <summary>Browser access from the configured origins only (Gateway:CorsAllowedOrigins).</summary>
public static class CorsExtensions
{
    /// <summary>Adds the default CORS policy: the listed origins, any method, the correlation header exposed.</summary>
    public static WebApplicationBuilder AddGatewayCors(this WebApplicationBuilder builder, GatewayOptions options)
    {
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(options.CorsAllowedOrigins)
            .AllowAnyMethod()
            .WithHeaders("Authorization", "Content-Type", "Accept", "X-Correlation-ID")
            .WithExposedHeaders("X-Correlation-ID", "Retry-After", "RateLimit", "RateLimit-Policy")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return builder;
    }
}
