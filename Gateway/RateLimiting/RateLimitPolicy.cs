namespace ZodiaCore.Gateway.RateLimiting;

/// <summary>A named limit and the requests it counts.</summary>
public sealed record RateLimitPolicy(string Name, int PermitLimit, TimeSpan Window, Func<PathString, bool> Applies)
{
    /// <summary>The IETF RateLimit-Policy header value: "100;w=900".</summary>
    public string HeaderValue => $"{PermitLimit};w={(int)Window.TotalSeconds}";

    public static IReadOnlyList<RateLimitPolicy> From(RateLimitingOptions options) =>
    [
        new("api", options.Api.PermitLimit, options.Api.Window, path => path.StartsWithSegments("/api")),
        new("auth", options.Auth.PermitLimit, options.Auth.Window,
            path => path.StartsWithSegments("/api/auth/login") || path.StartsWithSegments("/api/auth/register")),
    ];
}
