using ZodiaCore.InterpretationService.Interpretations;
using ZodiaCore.InterpretationService.Providers;

namespace ZodiaCore.InterpretationService.Tests.Providers;

public sealed class ProviderStreamingTests : FakeProviderTests
{
    private static readonly IReadOnlyList<SectionKey> Asked = [SectionKey.Overview, SectionKey.Planets, SectionKey.Elements];

    private static InterpretationRequest Request => new(TestCharts.Natal(), new InterpretationOptions(Asked));

    [Fact]
    public async Task OpenAI_stream_arrives_as_section_text_in_order_then_the_metadata()
    {
        OpenAi.Given(FakeProviders.OpenAiRequest)
            .RespondWith(FakeProviders.OpenAiStream(FakeProviders.Pieces(FakeProviders.Answer(Asked, "openai"))));
        using var host = ProviderTestHost.Start(OpenAi, Anthropic);

        var events = await Collect(host);

        var chunks = events.OfType<SectionChunk>().ToList();
        Assert.True(chunks.Count > Asked.Count, "the text arrives in several pieces per section");
        Assert.Equal(["overview", "planets", "elements"], chunks.Select(c => c.Key).Distinct());
        Assert.All(chunks, c => Assert.Equal("openai", c.Provider));
        foreach (var key in Asked)
        {
            Assert.Equal(FakeProviders.TextFor(key, "openai"), string.Concat(chunks.Where(c => c.Key == key.ToKey()).Select(c => c.Text)));
        }

        var outcome = Assert.IsType<InterpretationCompleted>(events[^1]).Outcome;
        Assert.Equal(("openai", false), (outcome.Provider, outcome.Fallback));
        Assert.Equal("openai planets", outcome.Sections[1].Title);
        Assert.Equal(new TokenUsage(321, 123), outcome.Usage);
    }

    [Fact]
    public async Task Anthropic_stream_arrives_as_section_text_then_the_metadata()
    {
        Anthropic.Given(FakeProviders.AnthropicRequest)
            .RespondWith(FakeProviders.AnthropicStream(FakeProviders.Pieces(FakeProviders.Answer(Asked, "anthropic"))));
        using var host = ProviderTestHost.Start(OpenAi, Anthropic, order: "anthropic,openai");

        var events = await Collect(host);

        var chunks = events.OfType<SectionChunk>().ToList();
        Assert.Equal(FakeProviders.TextFor(SectionKey.Planets, "anthropic"), string.Concat(chunks.Where(c => c.Key == "planets").Select(c => c.Text)));
        var outcome = Assert.IsType<InterpretationCompleted>(events[^1]).Outcome;
        Assert.Equal(("anthropic", false), (outcome.Provider, outcome.Fallback));
        Assert.Equal(300, outcome.Usage?.Input);
        Assert.Equal(120, outcome.Usage?.Output);
    }

    [Fact]
    public async Task Provider_failing_before_its_first_chunk_is_replaced_by_the_next_provider()
    {
        OpenAi.Given(FakeProviders.OpenAiRequest).RespondWith(FakeProviders.Status(500));
        Anthropic.Given(FakeProviders.AnthropicRequest)
            .RespondWith(FakeProviders.AnthropicStream(FakeProviders.Pieces(FakeProviders.Answer(Asked, "anthropic"))));
        using var host = ProviderTestHost.Start(OpenAi, Anthropic, overrides: new Dictionary<string, string?>
        {
            ["Interpretation:Resilience:MaxRetryAttempts"] = "0",
        });

        var events = await Collect(host);

        Assert.All(events.OfType<SectionChunk>(), c => Assert.Equal("anthropic", c.Provider));
        var outcome = Assert.IsType<InterpretationCompleted>(events[^1]).Outcome;
        Assert.Equal(("anthropic", true), (outcome.Provider, outcome.Fallback));
        Assert.Equal([new ProviderFailure("openai", FailureReasons.ServerError)], outcome.Failures);
    }

    [Fact]
    public async Task Stream_breaking_off_mid_section_is_finished_by_the_builtin_interpreter()
    {
        var answer = FakeProviders.Answer(Asked, "openai");
        var cut = answer.IndexOf("\"planets\"", StringComparison.Ordinal) + 60; // inside the planets text
        OpenAi.Given(FakeProviders.OpenAiRequest)
            .RespondWith(FakeProviders.OpenAiStream(FakeProviders.Pieces(answer[..cut]), complete: false));
        using var host = ProviderTestHost.Start(OpenAi, Anthropic);

        var events = await Collect(host);

        var chunks = events.OfType<SectionChunk>().ToList();
        var restarted = Assert.Single(chunks, c => c.Restart);
        Assert.Equal(("planets", "builtin"), (restarted.Key, restarted.Provider));
        Assert.Contains(chunks, c => c is { Key: "elements", Provider: "builtin" });

        var outcome = Assert.IsType<InterpretationCompleted>(events[^1]).Outcome;
        Assert.Equal(("builtin", true), (outcome.Provider, outcome.Fallback));
        Assert.Equal([new ProviderFailure("openai", FailureReasons.StreamInterrupted)], outcome.Failures);
        Assert.Equal(FakeProviders.TextFor(SectionKey.Overview, "openai"), outcome.Sections[0].Text);
        Assert.Equal(restarted.Text, outcome.Sections[1].Text);
        Assert.Equal(0, FakeProviders.Calls(Anthropic, FakeProviders.AnthropicPath));
    }

    [Fact]
    public async Task Without_providers_the_stream_carries_the_builtin_sections()
    {
        using var host = ProviderTestHost.Start();

        var events = await Collect(host);

        Assert.Equal(["overview", "planets", "elements"], events.OfType<SectionChunk>().Select(c => c.Key));
        var outcome = Assert.IsType<InterpretationCompleted>(events[^1]).Outcome;
        Assert.Equal(("builtin", false), (outcome.Provider, outcome.Fallback));
    }

    private static async Task<List<InterpretationStreamEvent>> Collect(ProviderTestHost host)
    {
        var events = new List<InterpretationStreamEvent>();
        await foreach (var item in host.Engine.StreamAsync(Request, TestContext.Current.CancellationToken))
        {
            events.Add(item);
        }

        Assert.Single(events.OfType<InterpretationCompleted>());
        return events;
    }

}
