namespace ZodiaCore.Gateway.RateLimiting;

/// <summary>Rate limits (section "RateLimiting"). Every figure is configurable; the README lists them.</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>False turns every limit off (benchmarks only; never in production).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>All of /api/**, per user (or per client IP when anonymous).</summary>
    public RateLimitPolicyOptions Api { get; set; } = new() { PermitLimit = 100, WindowSeconds = 900 };

    /// <summary>Login and registration, on top of the API limit: what credential stuffing hits first.</summary>
    public RateLimitPolicyOptions Auth { get; set; } = new() { PermitLimit = 10, WindowSeconds = 900 };

    /// <summary>Proxies whose X-Forwarded-For is believed (IP addresses); none by default.</summary>
    public string[] TrustedProxies { get; set; } = [];
}

/// <summary>One fixed-window limit.</summary>
public sealed class RateLimitPolicyOptions
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}
