using Microsoft.Extensions.DependencyInjection;
using ZodiaCore.InterpretationService.Caching;
using ZodiaCore.InterpretationService.Interpretations;
using ZodiaCore.InterpretationService.Providers;
using ZodiaCore.InterpretationService.Tests.Api;

namespace ZodiaCore.InterpretationService.Tests.Caching;

public sealed class MemoryHitTests
{
    [Fact]
    public async Task A_memory_hit_hands_out_the_stored_interpretation_without_decrypting_a_copy()
    {
        await using var factory = new InterpretationApiFactory();
        var cache = factory.Services.GetRequiredService<InterpretationCache>();
        var key = cache.KeyFor("content-memory-hit", InterpretationOptions.Default, "builtin");
        var outcome = new InterpretationOutcome([new InterpretationSection("overview", "Overview", "Your Sun in Taurus steadies you.")],
            "en", false, [], "builtin", key!.Model, false, [], null, key.PromptVersion);
        Assert.True(await cache.TryStoreAsync(key, outcome));

        var first = await cache.TryGetAsync(key, CancellationToken.None);
        var second = await cache.TryGetAsync(key, CancellationToken.None);

        Assert.Same(outcome, first);
        Assert.Same(outcome, second);
    }
}
