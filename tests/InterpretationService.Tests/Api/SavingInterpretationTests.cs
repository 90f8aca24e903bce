using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ZodiaCore.InterpretationService.Apis;
using ZodiaCore.InterpretationService.Caching;
using ZodiaCore.InterpretationService.Interpretations;
using ZodiaCore.InterpretationService.Providers;
using ZodiaCore.InterpretationService.Storage;

namespace ZodiaCore.InterpretationService.Tests.Api;

/// <summary>
/// Saving an answer as the caller's interpretation when an identical ask got there first: the races that HTTP cannot
/// stage on cue (two instances, one millisecond), driven through the service's own saving step and store.
/// </summary>
public sealed class SavingInterpretationTests(InterpretationApiFactory factory) : IClassFixture<InterpretationApiFactory>
{
    private static readonly InterpretationAsk Ask = new("chart-race", null, new InterpretationOptions([SectionKey.Overview]), null);

    private static InterpretationCacheKey Key(string contentId) =>
        new(contentId, [SectionKey.Overview], InterpretationLength.Standard, "en", "builtin", "builtin-v1", "builtin-v1");

    private InterpretationOutcome Answer(string text) => new(
        [new InterpretationSection("overview", "Overview", text)], "en", false, [], "builtin", "builtin-v1",
        Fallback: false, [], Usage: null, "builtin-v1", factory.Time.GetUtcNow());

    [Fact]
    public async Task Identical_asks_saved_at_once_from_one_cached_answer_all_get_one_interpretation()
    {
        using var scope = factory.Services.CreateScope();
        var answer = Answer("One answer for all.");

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            Saving(scope, "dora-race").SaveAsync("dora-race", Ask, "content-race-1", Key("content-race-1"), answer, cached: true)));

        Assert.Single(responses.Select(r => r.Id).Distinct());
        Assert.All(responses, r => Assert.Equal("One answer for all.", r.Sections[0].Text));
        Assert.Equal(1, (await Store(scope).ListAsync("dora-race", 1, 50, ApiJson.Ct)).Total);
    }

    [Fact]
    public async Task An_answer_made_in_the_same_millisecond_as_a_stored_one_for_the_same_ask_returns_the_stored_one()
    {
        // Two instances, each missing the cache, answer one user's ask within one millisecond: one id, and the text the
        // caller gets is the text that was stored under it.
        using var scope = factory.Services.CreateScope();
        var key = Key("content-race-2");
        var first = await Saving(scope, "erin-race").SaveAsync("erin-race", Ask, "content-race-2", key, Answer("The first text."), cached: false);

        var second = await Saving(scope, "erin-race").SaveAsync("erin-race", Ask, "content-race-2", key, Answer("The second text."), cached: false);

        Assert.Equal(first.Id, second.Id);
        Assert.True(second.Cached);
        Assert.Equal("The first text.", second.Sections[0].Text);
        var stored = await Store(scope).FindAsync(first.Id, "erin-race", ApiJson.Ct);
        Assert.Equal("The first text.", Saving(scope, "erin-race").ToResponse(stored!).Sections[0].Text);
        Assert.Equal(1, (await Store(scope).ListAsync("erin-race", 1, 50, ApiJson.Ct)).Total);
    }

    [Fact]
    public async Task An_id_already_held_by_another_users_record_leaves_that_record_alone_and_stores_under_a_new_id()
    {
        using var scope = factory.Services.CreateScope();
        var key = Key("content-race-3");
        var answer = Answer("Mine.");
        var id = AskId.Of("finn-race", Ask.ChartId, key, answer)!;
        var gus = await Saving(scope, "gus-race").SaveAsync("gus-race", Ask, "content-race-3", Key("content-race-3b"), answer, cached: false);
        var gusRecord = await Store(scope).FindAsync(gus.Id, "gus-race", ApiJson.Ct);
        Assert.True(await Store(scope).TryInsertAsync(gusRecord! with { Id = id }, ApiJson.Ct));

        var saved = await Saving(scope, "finn-race").SaveAsync("finn-race", Ask, "content-race-3", key, answer, cached: false);

        Assert.NotEqual(id, saved.Id);
        Assert.Equal("Mine.", saved.Sections[0].Text);
        Assert.NotNull(await Store(scope).FindAsync(saved.Id, "finn-race", ApiJson.Ct));
        Assert.NotNull(await Store(scope).FindAsync(id, "gus-race", ApiJson.Ct));
    }

    private static IInterpretationStore Store(IServiceScope scope) => scope.ServiceProvider.GetRequiredService<IInterpretationStore>();

    private static InterpretationServices Saving(IServiceScope scope, string userId)
    {
        var context = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", userId)], "test")),
        };
        return ActivatorUtilities.CreateInstance<InterpretationServices>(scope.ServiceProvider, context);
    }
}
