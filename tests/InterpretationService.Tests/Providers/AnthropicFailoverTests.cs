using System.Diagnostics;
using WireMock.ResponseBuilders;
using ZodiaCore.InterpretationService.Interpretations;
using ZodiaCore.InterpretationService.Providers;

namespace ZodiaCore.InterpretationService.Tests.Providers;

/// <summary>The failure cases on Anthropic's messages wire format, through the official SDK, with Anthropic first in the order.</summary>
public sealed class AnthropicFailoverTests : FakeProviderTests
{
    private static readonly IReadOnlyList<SectionKey> Asked = [SectionKey.Overview, SectionKey.Planets];

    private static InterpretationRequest Request => new(TestCharts.Natal(), new InterpretationOptions(Asked));

    private int AnthropicCalls => FakeProviders.Calls(Anthropic, FakeProviders.AnthropicPath);

    [Fact]
    public async Task Rate_limited_Anthropic_is_retried_after_its_Retry_After_and_then_answers()
    {
        Anthropic.Given(FakeProviders.AnthropicRequest).InScenario("limit").WillSetStateTo("open")
            .RespondWith(FakeProviders.Status(429).WithHeader("Retry-After", "1"));
        Anthropic.Given(FakeProviders.AnthropicRequest).InScenario("limit").WhenStateIs("open")
            .RespondWith(FakeProviders.AnthropicMessage(FakeProviders.Answer(Asked, "anthropic")));
        using var host = Start();

        var clock = Stopwatch.StartNew();
        var outcome = await host.Engine.InterpretAsync(Request, Token);

        Assert.Equal(("anthropic", false), (outcome.Provider, outcome.Fallback));
        Assert.Equal(2, AnthropicCalls);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed}");
    }

    [Fact]
    public async Task Anthropic_server_errors_open_its_breaker_and_then_OpenAI_answers_without_Anthropic_being_called()
    {
        Anthropic.Given(FakeProviders.AnthropicRequest).RespondWith(FakeProviders.Status(500));
        OpenAi.Given(FakeProviders.OpenAiRequest).RespondWith(FakeProviders.OpenAiCompletion(FakeProviders.Answer(Asked, "openai")));
        using var host = Start();

        // Three attempts, then the fourth failure opens the breaker and its retry is refused.
        await host.Engine.InterpretAsync(Request, Token);
        await host.Engine.InterpretAsync(Request, Token);
        Assert.Equal(4, AnthropicCalls);

        var third = await host.Engine.InterpretAsync(Request, Token);

        Assert.Equal(("openai", true), (third.Provider, third.Fallback));
        Assert.Equal([new ProviderFailure("anthropic", FailureReasons.CircuitOpen)], third.Failures);
        Assert.Equal(4, AnthropicCalls);
    }

    [Fact]
    public async Task Hanging_Anthropic_is_cut_by_its_attempt_timeout_and_OpenAI_answers()
    {
        Anthropic.Given(FakeProviders.AnthropicRequest)
            .RespondWith(FakeProviders.AnthropicMessage(FakeProviders.Answer(Asked, "anthropic")).WithDelay(TimeSpan.FromSeconds(30)));
        OpenAi.Given(FakeProviders.OpenAiRequest).RespondWith(FakeProviders.OpenAiCompletion(FakeProviders.Answer(Asked, "openai")));
        using var host = Start(new Dictionary<string, string?>
        {
            ["Anthropic:Resilience:AttemptTimeout"] = "00:00:00.500",
            ["Anthropic:Resilience:MaxRetryAttempts"] = "1",
        });

        var clock = Stopwatch.StartNew();
        var outcome = await host.Engine.InterpretAsync(Request, Token);

        Assert.Equal("openai", outcome.Provider);
        Assert.Equal([new ProviderFailure("anthropic", FailureReasons.Timeout)], outcome.Failures);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_Anthropic_body_that_is_not_json_falls_back_to_OpenAI()
    {
        Anthropic.Given(FakeProviders.AnthropicRequest).RespondWith(
            Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{\"type\": \"message\", \"content\": [{\"ty"));
        OpenAi.Given(FakeProviders.OpenAiRequest).RespondWith(FakeProviders.OpenAiCompletion(FakeProviders.Answer(Asked, "openai")));
        using var host = Start();

        var outcome = await host.Engine.InterpretAsync(Request, Token);

        Assert.Equal(("openai", true), (outcome.Provider, outcome.Fallback));
        Assert.Equal([new ProviderFailure("anthropic", FailureReasons.MalformedAnswer)], outcome.Failures);
    }

    private ProviderTestHost Start(IDictionary<string, string?>? overrides = null) =>
        ProviderTestHost.Start(OpenAi, Anthropic, order: "anthropic,openai", overrides: overrides);

}
