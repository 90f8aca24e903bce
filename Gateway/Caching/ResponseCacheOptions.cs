namespace ZodiaCore.Gateway.Caching;

/// <summary>The gateway's cache of deterministic answers (section "Gateway:ResponseCache").</summary>
public sealed class ResponseCacheOptions
{
    public const string SectionName = "Gateway:ResponseCache";

    /// <summary>How long an answer is served from the gateway; 0 turns the cache off. A deployment that changes an
    /// answer is seen by every client within this time.</summary>
    public int TtlSeconds { get; set; } = 60;

    /// <summary>Requests for one body before its answer is kept (like nginx's proxy_cache_min_uses): with 2, a one-off
    /// chart is forwarded without being copied into the cache.</summary>
    public int MinUses { get; set; } = 2;

    /// <summary>Memory held by cached answers, per gateway instance.</summary>
    public int SizeLimitMegabytes { get; set; } = 64;

    /// <summary>Requests with a larger body are forwarded without a look-up.</summary>
    public int MaxRequestBodyBytes { get; set; } = 16 * 1024;

    /// <summary>Larger answers are forwarded but not kept.</summary>
    public int MaxResponseBodyBytes { get; set; } = 512 * 1024;

    public bool Enabled => TtlSeconds > 0;
}
