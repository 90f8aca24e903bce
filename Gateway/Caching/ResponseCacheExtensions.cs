namespace ZodiaCore.Gateway.Caching;

/// <summary>Registration of the gateway's cache of deterministic answers (ASP.NET Core output caching, in memory).</summary>
public static class ResponseCacheExtensions
{
    /// <summary>Reads "Gateway:ResponseCache" and registers the <see cref="RequestBodyCachePolicy"/> that routes name
    /// in their <c>OutputCachePolicy</c>.</summary>
    public static WebApplicationBuilder AddGatewayResponseCache(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ResponseCacheOptions.SectionName).Get<ResponseCacheOptions>() ?? new();
        if (options.TtlSeconds < 0 || options.SizeLimitMegabytes <= 0 || options.MaxRequestBodyBytes <= 0 || options.MaxResponseBodyBytes <= 0
            || options.MinUses is < 1 or > 1000)
        {
            throw new InvalidOperationException(
                $"{ResponseCacheOptions.SectionName}: TtlSeconds must be 0 or more (0 turns the cache off), MinUses 1 to 1000 and the size limits more than 0.");
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<ResponseCacheMetrics>();
        builder.Services.AddSingleton<RecentRequestCounts>();
        builder.Services.AddSingleton<RequestBodyCachePolicy>();
        builder.Services.AddOutputCache(cache =>
        {
            cache.SizeLimit = options.SizeLimitMegabytes * 1024L * 1024L;
            cache.MaximumBodySize = options.MaxResponseBodyBytes;
        });
        builder.Services.AddOptions<Microsoft.AspNetCore.OutputCaching.OutputCacheOptions>()
            .Configure<RequestBodyCachePolicy>((cache, policy) => cache.AddPolicy(RequestBodyCachePolicy.Name, policy));
        return builder;
    }
}
