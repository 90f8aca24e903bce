using System.Diagnostics;
using System.Text.Json;
using WireMock.ResponseBuilders;
using WireMock.Server;
using ZodiaCore.InterpretationService.Interpretations;
using ZodiaCore.InterpretationService.Prompting;
using ZodiaCore.InterpretationService.Providers;

namespace ZodiaCore.InterpretationService.Tests.Providers;

public sealed class ProviderFailoverTests : FakeProviderTests
{
    private static readonly IReadOnlyList<SectionKey> Asked = [SectionKey.Overview, SectionKey.Aspects];

    private static InterpretationRequest Request(string? preferred = null) =>
        new(TestCharts.Natal(), new InterpretationOptions(Asked), preferred, ChartName: "Ada");

    [Fact]
    public async Task OpenAI_answer_comes_back_as_the_requested_sections_with_model_usage_and_prompt_version()
    {
        OpenAi.Given(FakeProviders.OpenAiRequest).RespondWith(FakeProviders.OpenAiCompletion(FakeProviders.Answer(Asked, "openai")));
        using var host = ProviderTestHost.Start(OpenAi, Anthropic);

        var outcome = await host.Engine.InterpretAsync(Request(), Token);

        Assert.Equal("openai", outcome.Provider);
        Assert.False(outcome.Fallback);
        Assert.Empty(outcome.Failures);
        Assert.Equal("gpt-test-2025", outcome.Model);
        Assert.Equal(NatalPrompt.Version, outcome.PromptVersion);
        Assert.Equal(new TokenUsage(321, 123), outcome.Usage);
        Assert.Equal(["overview", "aspects"], outcome.Sections.Select(s => s.Key));
        Assert.Equal(FakeProviders.TextFor(SectionKey.Aspects, "openai"), outcome.Sections[1].Text);
        Assert.Equal(0, FakeProviders.Calls(Anthropic, FakeProviders.AnthropicPath));
    }

    [Fact]
    public async Task OpenAI_request_carries_the_key_as_bearer_token_and_the_chart_facts_with_the_configured_model()
    {
        OpenAi.Given(FakeProviders.OpenAiRequest).RespondWith(FakeProviders.OpenAiCompletion(FakeProviders.Answer(Asked, "openai")));
        using var host = ProviderTestHost.Start(OpenAi, Anthropic);

        await host.Engine.InterpretAsync(Request(), Token);

        var sent = Assert.Single(OpenAi.LogEntries).RequestMessage;
        Assert.Equal($"Bearer {FakeProviders.OpenAiKey}", Header(sent.Headers!, "Authorization"));
        using var body = JsonDocument.Parse(sent.Body!);
        Assert.Equal("gpt-test", body.RootElement.GetProperty("model").GetString());
        var user = body.RootElement.GetProperty("messages")[1].GetProperty("content").GetString()!;
        Assert.Contains("\"name\":\"sun\",\"sign\":\"taurus\",\"degree\":24.12,\"retrograde\":false,\"house\":11", user, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"Ada\"", user, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anthropic_answer_comes_back_through_the_official_sdk_when_it_is_preferred()
    {
        Anthropic.Given(FakeProviders.AnthropicRequest).RespondWith(FakeProviders.AnthropicMessage(FakeProviders.Answer(Asked, "anthropic")));
        using var host = ProviderTestHost.Start(OpenAi, Anthropic);

        var outcome = await host.Engine.InterpretAsync(Request("anthropic"), Token);

        Assert.Equal("anthropic", outcome.Provider);
        Assert.False(outcome.Fallback);
        Assert.Equal("claude-test-2025", outcome.Model);
        Assert.Equal(new TokenUsage(300, 120), outcome.Usage);
        Assert.Equal(FakeProviders.TextFor(SectionKey.Overview, "anthropic"), outcome.Sections[0].Text);

        // Anthropic SDK 13 sends the API key as a bearer token.
        Assert.Equal($"Bearer {FakeProviders.AnthropicKey}", Header(Assert.Single(Anthropic.LogEntries).RequestMessage.Headers!, "Authorization"));
        Assert.Equal(0, FakeProviders.Calls(OpenAi, FakeProviders.OpenAiPath));
    }

    [Fact]
    public async Task Google_answers_through_its_OpenAI_compatible_endpoint_with_its_own_key_and_model()
    {
        const string googleKey = "test-google-key-0123456789";
        using var google = WireMockServer.Start();
        google.Given(FakeProviders.GoogleRequest)
            .RespondWith(FakeProviders.OpenAiCompletion(FakeProviders.Answer(Asked, "google"), model: "gemini-test-2025"));
        using var host = ProviderTestHost.Start(OpenAi, order: "google,openai", overrides: new Dictionary<string, string?>
        {
            ["GOOGLE_API_KEY"] = googleKey,

            // Shaped like the default (…/v1beta/openai/, trailing slash): the SDK must not lose or double a path segment.
            ["Google:BaseUrl"] = google.Url + "/v1beta/openai/",
            ["Google:Model"] = "gemini-test",
        });

        var outcome = await host.Engine.InterpretAsync(Request(), Token);

        Assert.Equal(("google", false), (outcome.Provider, outcome.Fallback));
        Assert.Equal("gemini-test-2025", outcome.Model);
        Assert.Equal(FakeProviders.TextFor(SectionKey.Aspects, "google"), outcome.Sections[1].Text);
        var sent = Assert.Single(google.LogEntries).RequestMessage;
        Assert.Equal(FakeProviders.GooglePath, sent.Path);
        Assert.Equal($"Bearer {googleKey}", Header(sent.Headers!, "Authorization"));
        using var body = JsonDocument.Parse(sent.Body!);
        Assert.Equal("gemini-test", body.RootElement.GetProperty("model").GetString());
        Assert.Empty(OpenAi.LogEntries);
    }

    [Fact]
    public async Task Malformed_json_answer_falls_back_to_the_next_provider()
    {
        OpenAi.Given(FakeProviders.OpenAiRequest).RespondWith(FakeProviders.OpenAiCompletion("Here is your reading: {\"sections\": [ oops"));
        Anthropic.Given(FakeProviders.AnthropicRequest).RespondWith(FakeProviders.AnthropicMessage(FakeProviders.Answer(Asked, "anthropic")));
        using var host = ProviderTestHost.Start(OpenAi, Anthropic);

        var outcome = await host.Engine.InterpretAsync(Request(), Token);

        Assert.Equal("anthropic", outcome.Provider);
        Assert.True(outcome.Fallback);
        Assert.Equal([new ProviderFailure("openai", FailureReasons.MalformedAnswer)], outcome.Failures);
    }

    [Fact]
    public async Task Answer_missing_a_requested_section_falls_back_to_the_next_provider()
    {
        OpenAi.Given(FakeProviders.OpenAiRequest).RespondWith(FakeProviders.OpenAiCompletion(FakeProviders.Answer([SectionKey.Overview], "openai")));
        Anthropic.Given(FakeProviders.AnthropicRequest).RespondWith(FakeProviders.AnthropicMessage(FakeProviders.Answer(Asked, "anthropic")));
        using var host = ProviderTestHost.Start(OpenAi, Anthropic);

        var outcome = await host.Engine.InterpretAsync(Request(), Token);

        Assert.Equal("anthropic", outcome.Provider);
        Assert.Equal([new ProviderFailure("openai", FailureReasons.MissingSections)], outcome.Failures);
    }

    [Fact]
    public async Task Rate_limited_provider_is_retried_after_its_Retry_After_and_then_answers()
    {
        OpenAi.Given(FakeProviders.OpenAiRequest).InScenario("limit").WillSetStateTo("open")
            .RespondWith(FakeProviders.Status(429).WithHeader("Retry-After", "1"));
        OpenAi.Given(FakeProviders.OpenAiRequest).InScenario("limit").WhenStateIs("open")
            .RespondWith(FakeProviders.OpenAiCompletion(FakeProviders.Answer(Asked, "openai")));
        using var host = ProviderTestHost.Start(OpenAi, Anthropic);

        var clock = Stopwatch.StartNew();
        var outcome = await host.Engine.InterpretAsync(Request(), Token);

        Assert.Equal("openai", outcome.Provider);
        Assert.False(outcome.Fallback);
        Assert.Equal(2, FakeProviders.Calls(OpenAi, FakeProviders.OpenAiPath));

        // The configured retry delay is 20 ms; only the header explains a wait of a second.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed}");
    }

    [Fact]
    public async Task Provider_still_rate_limited_after_its_retries_hands_over_to_the_next_one()
    {
        OpenAi.Given(FakeProviders.OpenAiRequest).RespondWith(FakeProviders.Status(429).WithHeader("Retry-After", "1"));
        Anthropic.Given(FakeProviders.AnthropicRequest).RespondWith(FakeProviders.AnthropicMessage(FakeProviders.Answer(Asked, "anthropic")));
        using var host = ProviderTestHost.Start(OpenAi, Anthropic, overrides: new Dictionary<string, string?>
        {
            ["Interpretation:Resilience:MaxRetryAttempts"] = "1",
        });

        var clock = Stopwatch.StartNew();
        var outcome = await host.Engine.InterpretAsync(Request(), Token);

        Assert.Equal(("anthropic", true), (outcome.Provider, outcome.Fallback));
        Assert.Equal([new ProviderFailure("openai", FailureReasons.RateLimited)], outcome.Failures);
        Assert.Equal(2, FakeProviders.Calls(OpenAi, FakeProviders.OpenAiPath));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed}");
    }

    [Fact]
    public async Task Rate_limit_asking_for_a_longer_wait_than_allowed_falls_over_at_once()
    {
        OpenAi.Given(FakeProviders.OpenAiRequest).RespondWith(FakeProviders.Status(429).WithHeader("Retry-After", "120"));
        Anthropic.Given(FakeProviders.AnthropicRequest).RespondWith(FakeProviders.AnthropicMessage(FakeProviders.Answer(Asked, "anthropic")));
        using var host = ProviderTestHost.Start(OpenAi, Anthropic);

        var outcome = await host.Engine.InterpretAsync(Request(), Token);

        Assert.Equal("anthropic", outcome.Provider);
        Assert.True(outcome.Fallback);
        Assert.Equal([new ProviderFailure("openai", FailureReasons.RateLimited)], outcome.Failures);
        Assert.Equal(1, FakeProviders.Calls(OpenAi, FakeProviders.OpenAiPath));
    }

    [Fact]
    public async Task Hanging_provider_is_cut_by_the_attempt_timeout_and_the_next_one_answers()
    {
        OpenAi.Given(FakeProviders.OpenAiRequest)
            .RespondWith(FakeProviders.OpenAiCompletion(FakeProviders.Answer(Asked, "openai")).WithDelay(TimeSpan.FromSeconds(30)));
        Anthropic.Given(FakeProviders.AnthropicRequest).RespondWith(FakeProviders.AnthropicMessage(FakeProviders.Answer(Asked, "anthropic")));
        using var host = ProviderTestHost.Start(OpenAi, Anthropic, overrides: new Dictionary<string, string?>
        {
            // Only OpenAI's attempts are this short: a cold SDK on a busy test machine can need more than 400 ms.
            ["OpenAI:Resilience:AttemptTimeout"] = "00:00:00.400",
            ["OpenAI:Resilience:MaxRetryAttempts"] = "1",
        });

        var clock = Stopwatch.StartNew();
        var outcome = await host.Engine.InterpretAsync(Request(), Token);

        Assert.Equal([new ProviderFailure("openai", FailureReasons.Timeout)], outcome.Failures);
        Assert.Equal("anthropic", outcome.Provider);
        Assert.True(outcome.Fallback);

        // Two attempts of 400 ms, far short of the 30 s the provider would take (WireMock logs a call only once it answers).
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(750), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Every_provider_failing_ends_with_the_builtin_interpreter_and_the_reasons()
    {
        OpenAi.Given(FakeProviders.OpenAiRequest).RespondWith(FakeProviders.Status(500));
        Anthropic.Given(FakeProviders.AnthropicRequest).RespondWith(FakeProviders.Status(503));
        using var host = ProviderTestHost.Start(OpenAi, Anthropic, overrides: new Dictionary<string, string?>
        {
            ["Interpretation:Resilience:MaxRetryAttempts"] = "0",
        });

        var outcome = await host.Engine.InterpretAsync(Request(), Token);

        Assert.Equal("builtin", outcome.Provider);
        Assert.True(outcome.Fallback);
        Assert.Equal(
            [new ProviderFailure("openai", FailureReasons.ServerError), new ProviderFailure("anthropic", FailureReasons.ServerError)],
            outcome.Failures);
        Assert.Equal(["overview", "aspects"], outcome.Sections.Select(s => s.Key));
        Assert.All(outcome.Sections, s => Assert.False(string.IsNullOrWhiteSpace(s.Text)));
    }

    [Fact]
    public async Task Without_any_api_key_the_builtin_interpreter_answers_and_it_is_no_fallback()
    {
        using var host = ProviderTestHost.Start();

        var outcome = await host.Engine.InterpretAsync(Request(), Token);

        Assert.Equal("builtin", outcome.Provider);
        Assert.False(outcome.Fallback);
        Assert.Empty(outcome.Failures);
        Assert.False(host.Engine.UsesLanguageModel(null));
    }

    [Fact]
    public async Task Preferring_builtin_never_calls_a_model()
    {
        OpenAi.Given(FakeProviders.OpenAiRequest).RespondWith(FakeProviders.OpenAiCompletion(FakeProviders.Answer(Asked, "openai")));
        using var host = ProviderTestHost.Start(OpenAi, Anthropic);

        var outcome = await host.Engine.InterpretAsync(Request("builtin"), Token);

        Assert.Equal("builtin", outcome.Provider);
        Assert.False(outcome.Fallback);
        Assert.Empty(OpenAi.LogEntries);
        Assert.False(host.Engine.UsesLanguageModel("builtin"));
    }

    [Fact]
    public async Task Preferring_a_provider_without_key_is_a_fallback_to_the_configured_order()
    {
        OpenAi.Given(FakeProviders.OpenAiRequest).RespondWith(FakeProviders.OpenAiCompletion(FakeProviders.Answer(Asked, "openai")));
        using var host = ProviderTestHost.Start(OpenAi);

        var outcome = await host.Engine.InterpretAsync(Request("google"), Token);

        Assert.Equal("openai", outcome.Provider);
        Assert.True(outcome.Fallback);
        Assert.Equal([new ProviderFailure("google", FailureReasons.NotConfigured)], outcome.Failures);
    }

    [Fact]
    public async Task Api_keys_never_appear_in_the_outcome()
    {
        OpenAi.Given(FakeProviders.OpenAiRequest).RespondWith(FakeProviders.Status(401));
        Anthropic.Given(FakeProviders.AnthropicRequest).RespondWith(FakeProviders.Status(500));
        using var host = ProviderTestHost.Start(OpenAi, Anthropic, overrides: new Dictionary<string, string?>
        {
            ["Interpretation:Resilience:MaxRetryAttempts"] = "0",
        });

        var outcome = await host.Engine.InterpretAsync(Request(), Token);

        var json = JsonSerializer.Serialize(outcome);
        Assert.Equal(FailureReasons.RequestRejected, outcome.Failures[0].Reason);
        Assert.DoesNotContain(FakeProviders.OpenAiKey, json, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeProviders.AnthropicKey, json, StringComparison.Ordinal);
    }

    private static string Header(IDictionary<string, WireMock.Types.WireMockList<string>> headers, string name) =>
        headers.Single(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value.Single();

}
