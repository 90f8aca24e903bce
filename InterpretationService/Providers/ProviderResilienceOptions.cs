namespace ZodiaCore.InterpretationService.Providers;

/// <summary>
/// Resilience of each language-model provider's HttpClient, bound from <c>Interpretation:Resilience</c>.
/// The defaults suit LLM traffic: long attempts, few retries, and a breaker that can trip at a handful of calls.
/// A provider's own <c>&lt;Section&gt;:Resilience</c> (e.g. <c>Anthropic:Resilience:AttemptTimeout</c>) overrides single values;
/// the options are named after the provider.
/// </summary>
public sealed class ProviderResilienceOptions
{
    public const string SectionName = "Interpretation:Resilience";

    /// <summary>The whole call, retries and waits included (and never more than what is left of <see cref="ProviderChainOptions.ProviderDeadline"/>).</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(80);

    /// <summary>
    /// One HTTP attempt; a generation longer than this is cut and retried. The longest answer asked for (all five
    /// sections, <c>long</c>: up to 3,900 output tokens) fits at 65 tokens/s.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>Base of the exponential, jittered delay between attempts when the provider sends no Retry-After.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A Retry-After longer than this is not waited for: the next provider answers sooner.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    public double FailureRatio { get; set; } = 0.5;

    public int MinimumThroughput { get; set; } = 4;

    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
