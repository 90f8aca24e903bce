using ZodiaCore.ServiceDefaults.Correlation;

namespace ZodiaCore.IdentityService.Observability;

/// <summary>Who asked: client IP (after the forwarded-headers rules of ServiceDefaults) and the correlation id.</summary>
public sealed record RequestOrigin(string? ClientIp, string? CorrelationId)
{
    public static RequestOrigin From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new(context.Connection.RemoteIpAddress?.ToString(),
            CorrelationContext.Current(context) ?? System.Diagnostics.Activity.Current?.TraceId.ToString());
    }

    /// <summary>For work without a request (background retries).</summary>
    public static RequestOrigin Background { get; } = new(null, null);
}
