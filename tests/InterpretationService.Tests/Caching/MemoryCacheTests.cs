using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using ZodiaCore.InterpretationService.Caching;
using ZodiaCore.InterpretationService.Interpretations;
using ZodiaCore.InterpretationService.Providers;
using ZodiaCore.InterpretationService.Tests.Api;

namespace ZodiaCore.InterpretationService.Tests.Caching;

/// <summary>The in-process level of the interpretation cache (HybridCache's memory cache).</summary>
public sealed class MemoryCacheTests
{
    [Fact]
    public async Task A_flood_of_distinct_interpretations_stays_within_the_memory_bound()
    {
        await using var factory = new OneMegabyteCacheFactory();
        var cache = factory.Services.GetRequiredService<InterpretationCache>();
        var memory = Assert.IsType<MemoryCache>(factory.Services.GetRequiredService<IMemoryCache>());
        const int answers = 300; // about 6 KB each: nearly twice the bound
        var text = string.Join(' ', Enumerable.Repeat("Your Sun in Taurus in the eleventh house steadies every group you join.", 80));

        for (var i = 0; i < answers; i++)
        {
            var key = cache.KeyFor($"content-{i}", InterpretationOptions.Default, "builtin");
            Assert.True(await cache.TryStoreAsync(key, Outcome(key!, text)));
        }

        var statistics = memory.GetCurrentStatistics()!;
        Assert.InRange(statistics.CurrentEstimatedSize ?? 0, 1, 1024 * 1024);
        Assert.InRange(statistics.CurrentEntryCount, 1, answers - 1);
    }

    [Fact]
    public async Task A_memory_hit_hands_out_the_stored_interpretation_without_decrypting_a_copy()
    {
        await using var factory = new InterpretationApiFactory();
        var cache = factory.Services.GetRequiredService<InterpretationCache>();
        var key = cache.KeyFor("content-memory-hit", InterpretationOptions.Default, "builtin");
        var outcome = Outcome(key!, "Your Sun in Taurus steadies you.");
        Assert.True(await cache.TryStoreAsync(key, outcome));

        var first = await cache.TryGetAsync(key, CancellationToken.None);
        var second = await cache.TryGetAsync(key, CancellationToken.None);

        Assert.Same(outcome, first);
        Assert.Same(outcome, second);
    }

    private static InterpretationOutcome Outcome(InterpretationCacheKey key, string text) =>
        new([new InterpretationSection("overview", "Overview", text)], "en", false, [], "builtin", key.Model, false, [], null, key.PromptVersion);

    private sealed class OneMegabyteCacheFactory : InterpretationApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
            [new("Interpretation:Cache:LocalMemoryMegabytes", "1")];
    }
}
