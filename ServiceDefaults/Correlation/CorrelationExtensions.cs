using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ZodiaCore.ServiceDefaults.Correlation;

/// <summary>Registration of correlation ids.</summary>
public static class CorrelationExtensions
{
    /// <summary>Reads CORRELATION_ID_HEADER; the middleware itself is added by the default pipeline.</summary>
    public static TBuilder AddCorrelationIds<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var header = builder.Configuration["CORRELATION_ID_HEADER"];
        builder.Services.Configure<CorrelationOptions>(o =>
        {
            if (!string.IsNullOrWhiteSpace(header))
            {
                o.HeaderName = header.Trim();
            }
        });
        return builder;
    }
}
