using System.Diagnostics.Metrics;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using ZodiaCore.InterpretationService.BuiltIn;
using ZodiaCore.InterpretationService.Interpretations;
using ZodiaCore.InterpretationService.Prompting;
using ZodiaCore.InterpretationService.Providers;

namespace ZodiaCore.InterpretationService.Caching;

/// <summary>
/// Interpretations by chart content and options in HybridCache (memory, plus Redis when configured). Only an answer from
/// the planned source is kept, so a fallback written while a provider was down is never served once it is back.
/// </summary>
public sealed class InterpretationCache
{
    private const HybridCacheEntryFlags ReadOnly = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite;

    private readonly HybridCache cache;
    private readonly AiProviderCatalog catalog;
    private readonly IOptionsMonitor<InterpretationCacheOptions> options;
    private readonly Counter<long> requests;

    public InterpretationCache(HybridCache cache, AiProviderCatalog catalog, IOptionsMonitor<InterpretationCacheOptions> options, IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        this.cache = cache;
        this.catalog = catalog;
        this.options = options;
        requests = meterFactory.Create(InterpretationMetrics.MeterName)
            .CreateCounter<long>("zodiacore.interpretation.cache.requests", description: "Interpretation cache look-ups by result (hit or miss).");
    }

    /// <summary>
    /// The key for a chart and request; null when the chart has no content id (then nothing is cached).
    /// <c>preferredProvider</c> is already normalised (<see cref="AiProviderNames.TryNormalize"/>), or null for the configured order.
    /// </summary>
    public InterpretationCacheKey? KeyFor(string? contentId, InterpretationOptions request, string? preferredProvider)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(contentId))
        {
            return null;
        }

        var provider = preferredProvider ?? (catalog.Providers.Count > 0 ? catalog.Providers[0].Name : null) ?? AiProviderNames.BuiltIn;
        var builtIn = provider == AiProviderNames.BuiltIn;
        var model = builtIn ? BuiltInInterpreter.Version : catalog.Find(provider)?.Model ?? "unconfigured";
        return new InterpretationCacheKey(
            contentId, request.EffectiveSections, request.Length, NatalPrompt.SafeLanguage(request.Language),
            provider, model, builtIn ? BuiltInInterpreter.Version : NatalPrompt.Version);
    }

    public async Task<InterpretationOutcome?> TryGetAsync(InterpretationCacheKey? key, CancellationToken cancellationToken)
    {
        if (key is null)
        {
            return null;
        }

        var found = await cache.GetOrCreateAsync<InterpretationOutcome?>(
            key.ToString(),
            _ => ValueTask.FromResult<InterpretationOutcome?>(null),
            new HybridCacheEntryOptions { Flags = ReadOnly },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        requests.Add(1, new KeyValuePair<string, object?>("result", found is null ? "miss" : "hit"));
        return found;
    }

    /// <summary>Keeps the outcome when it came from the planned source without any failure; false when it was not cacheable.</summary>
    public async Task<bool> TryStoreAsync(InterpretationCacheKey? key, InterpretationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (key is null || outcome.Fallback || outcome.Failures.Count > 0 || outcome.Provider != key.Provider)
        {
            return false;
        }

        var settings = options.CurrentValue;
        // Not the request's token: the answer is already paid for, and a client hanging up must not throw it away
        // (nor log a cache write failure for it).
        await cache.SetAsync(
            key.ToString(),
            outcome,
            new HybridCacheEntryOptions { Expiration = settings.Expiration, LocalCacheExpiration = settings.LocalExpiration },
            cancellationToken: CancellationToken.None).ConfigureAwait(false);
        return true;
    }
}
