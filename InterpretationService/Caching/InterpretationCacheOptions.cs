namespace ZodiaCore.InterpretationService.Caching;

/// <summary>How long interpretations stay cached (section <c>Interpretation:Cache</c>).</summary>
public sealed class InterpretationCacheOptions
{
    public const string SectionName = "Interpretation:Cache";

    /// <summary>In the distributed cache (Redis).</summary>
    public TimeSpan Expiration { get; set; } = TimeSpan.FromDays(7);

    /// <summary>In each instance's memory.</summary>
    public TimeSpan LocalExpiration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Bound of each instance's memory cache, in MB of serialised interpretations: without it, a flood of distinct
    /// requests would keep every answer in memory for <see cref="LocalExpiration"/>.
    /// </summary>
    public int LocalMemoryMegabytes { get; set; } = 256;
}
