using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WireMock.ResponseBuilders;
using ZodiaCore.InterpretationService.Interpretations;
using ZodiaCore.InterpretationService.Providers;

namespace ZodiaCore.InterpretationService.Tests.Providers;

/// <summary>The chain of providers as a whole: its deadline, what it counts in metrics, what it writes to logs.</summary>
public sealed class ProviderChainTests : FakeProviderTests
{
    private static readonly IReadOnlyList<SectionKey> Asked = [SectionKey.Overview, SectionKey.Aspects];

    private static InterpretationRequest Request(string? preferred = null) =>
        new(TestCharts.Natal(), new InterpretationOptions(Asked), preferred, ChartName: "Ada");

    private static Dictionary<string, string?> ShortDeadline => new()
    {
        // Each provider alone could take 30 s (the test host's total timeout); together they get 1.5 s.
        ["Interpretation:ProviderDeadline"] = "00:00:01.500",
    };

    [Fact]
    public async Task Providers_that_outlast_the_chain_deadline_hand_over_to_the_builtin_interpreter_in_time()
    {
        HangBoth();
        using var host = ProviderTestHost.Start(OpenAi, Anthropic, overrides: ShortDeadline);

        var clock = Stopwatch.StartNew();
        var outcome = await host.Engine.InterpretAsync(Request(), Token);

        Assert.Equal("builtin", outcome.Provider);
        Assert.True(outcome.Fallback);
        Assert.Equal(
            [new ProviderFailure("openai", FailureReasons.Timeout), new ProviderFailure("anthropic", FailureReasons.DeadlineExceeded)],
            outcome.Failures);
        Assert.Equal(["overview", "aspects"], outcome.Sections.Select(s => s.Key));
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.4), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_provider_that_would_be_left_less_than_the_minimum_time_is_passed_over_without_waiting()
    {
        HangBoth();
        using var host = ProviderTestHost.Start(OpenAi, Anthropic, overrides: new Dictionary<string, string?>(ShortDeadline)
        {
            // OpenAI gives up after two 300 ms attempts, leaving under a second of the 1.5 s: not worth asking Anthropic.
            ["OpenAI:Resilience:AttemptTimeout"] = "00:00:00.300",
            ["OpenAI:Resilience:MaxRetryAttempts"] = "1",
            ["Interpretation:MinimumProviderTime"] = "00:00:01",
        });

        var outcome = await host.Engine.InterpretAsync(Request(), Token);

        Assert.Equal("builtin", outcome.Provider);
        Assert.Equal(
            [new ProviderFailure("openai", FailureReasons.Timeout), new ProviderFailure("anthropic", FailureReasons.DeadlineExceeded)],
            outcome.Failures);
    }

    [Fact]
    public async Task A_stream_that_never_starts_within_the_chain_deadline_is_answered_by_the_builtin_interpreter()
    {
        HangBoth();
        using var host = ProviderTestHost.Start(OpenAi, Anthropic, overrides: ShortDeadline);

        var clock = Stopwatch.StartNew();
        var events = new List<InterpretationStreamEvent>();
        await foreach (var item in host.Engine.StreamAsync(Request(), Token))
        {
            events.Add(item);
        }

        var outcome = Assert.IsType<InterpretationCompleted>(events[^1]).Outcome;
        Assert.Equal("builtin", outcome.Provider);
        Assert.Equal(
            [new ProviderFailure("openai", FailureReasons.Timeout), new ProviderFailure("anthropic", FailureReasons.DeadlineExceeded)],
            outcome.Failures);
        Assert.All(events.OfType<SectionChunk>(), chunk => Assert.Equal("builtin", chunk.Provider));
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.4), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_response_body_that_is_not_json_falls_back_to_the_next_provider()
    {
        OpenAi.Given(FakeProviders.OpenAiRequest).RespondWith(
            Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{\"id\": \"chatcmpl-1\", \"choices\": [tru"));
        Anthropic.Given(FakeProviders.AnthropicRequest).RespondWith(FakeProviders.AnthropicMessage(FakeProviders.Answer(Asked, "anthropic")));
        using var host = ProviderTestHost.Start(OpenAi, Anthropic);

        var outcome = await host.Engine.InterpretAsync(Request(), Token);

        Assert.Equal("anthropic", outcome.Provider);
        Assert.True(outcome.Fallback);
        Assert.Equal([new ProviderFailure("openai", FailureReasons.MalformedAnswer)], outcome.Failures);
    }

    [Fact]
    public async Task Each_interpretation_counts_one_success_each_provider_passed_over_one_fallback_and_the_tokens_and_time_by_provider()
    {
        OpenAi.Given(FakeProviders.OpenAiRequest).RespondWith(FakeProviders.Status(500));
        Anthropic.Given(FakeProviders.AnthropicRequest).RespondWith(FakeProviders.AnthropicMessage(FakeProviders.Answer(Asked, "anthropic")));
        using var host = ProviderTestHost.Start(OpenAi, Anthropic, overrides: new Dictionary<string, string?>
        {
            ["Interpretation:Resilience:MaxRetryAttempts"] = "0",
        });
        using var counts = new ChainCounts(host.Services);

        await host.Engine.InterpretAsync(Request(), Token);
        await host.Engine.InterpretAsync(Request("google"), Token);

        // Two interpretations served, both by Anthropic; openai failed twice; google was passed over once without a key.
        Assert.Equal(2, counts.Get("zodiacore.interpretations", ("provider", "anthropic"), ("outcome", "success")));
        Assert.Equal(2, counts.Get("zodiacore.interpretations", ("provider", "openai"), ("outcome", "failure")));
        Assert.Equal(2, counts.Get("zodiacore.interpretations", ("outcome", "success")));
        Assert.Equal(2, counts.Get("zodiacore.interpretation.fallbacks", ("from_provider", "openai"), ("reason", FailureReasons.ServerError)));
        Assert.Equal(1, counts.Get("zodiacore.interpretation.fallbacks", ("from_provider", "google"), ("reason", FailureReasons.NotConfigured)));

        // The fake Anthropic reports 300 input and 120 output tokens per answer, under the model it names.
        Assert.Equal(600, counts.Get("zodiacore.interpretation.tokens", ("provider", "anthropic"), ("model", "claude-test-2025"), ("direction", "input")));
        Assert.Equal(240, counts.Get("zodiacore.interpretation.tokens", ("provider", "anthropic"), ("model", "claude-test-2025"), ("direction", "output")));
        Assert.Equal(0, counts.Get("zodiacore.interpretation.tokens", ("provider", "openai")));

        // One latency per provider asked: google, without a key, was not.
        Assert.Equal(2, counts.Timings("zodiacore.interpretation.duration", ("provider", "anthropic")));
        Assert.Equal(2, counts.Timings("zodiacore.interpretation.duration", ("provider", "openai")));
        Assert.Equal(0, counts.Timings("zodiacore.interpretation.duration", ("provider", "google")));
    }

    [Fact]
    public async Task Api_keys_never_appear_in_the_logs_of_a_failover()
    {
        OpenAi.Given(FakeProviders.OpenAiRequest).RespondWith(FakeProviders.Status(401));
        Anthropic.Given(FakeProviders.AnthropicRequest).RespondWith(FakeProviders.Status(500));
        using var logs = new CollectingLoggerProvider();
        using var host = ProviderTestHost.Start(OpenAi, Anthropic, overrides: new Dictionary<string, string?>
        {
            ["Interpretation:Resilience:MaxRetryAttempts"] = "1",
        }, logs: logs);

        var outcome = await host.Engine.InterpretAsync(Request(), Token);

        Assert.Equal("builtin", outcome.Provider);
        var written = logs.Text();

        // The logs did record the failover (so the check below looked at real output), and no key is in them.
        Assert.Contains("did not answer", written, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeProviders.OpenAiKey, written, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeProviders.AnthropicKey, written, StringComparison.Ordinal);
    }

    private void HangBoth()
    {
        OpenAi.Given(FakeProviders.OpenAiRequest)
            .RespondWith(FakeProviders.OpenAiCompletion(FakeProviders.Answer(Asked, "openai")).WithDelay(TimeSpan.FromSeconds(30)));
        Anthropic.Given(FakeProviders.AnthropicRequest)
            .RespondWith(FakeProviders.AnthropicMessage(FakeProviders.Answer(Asked, "anthropic")).WithDelay(TimeSpan.FromSeconds(30)));
    }

    /// <summary>Sums this host's ZodiaCore.Interpretation counters by tag (tests in parallel have their own meters).</summary>
    private sealed class ChainCounts : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentQueue<(string Name, long Value, KeyValuePair<string, object?>[] Tags)> seen = new();
        private readonly ConcurrentQueue<(string Name, KeyValuePair<string, object?>[] Tags)> timed = new();

        public ChainCounts(IServiceProvider services)
        {
            var factory = services.GetRequiredService<IMeterFactory>();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == InterpretationMetrics.MeterName && instrument.Meter.Scope == factory)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => seen.Enqueue((instrument.Name, value, tags.ToArray())));
            listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => timed.Enqueue((instrument.Name, tags.ToArray())));
            listener.Start();
        }

        public long Get(string name, params (string Key, string Value)[] tags) =>
            seen.Where(m => m.Name == name && Matches(m.Tags, tags)).Sum(m => m.Value);

        /// <summary>How many values a histogram recorded with these tags.</summary>
        public int Timings(string name, params (string Key, string Value)[] tags) =>
            timed.Count(m => m.Name == name && Matches(m.Tags, tags));

        private static bool Matches(KeyValuePair<string, object?>[] recorded, (string Key, string Value)[] wanted) =>
            wanted.All(t => recorded.Any(k => k.Key == t.Key && Equals(k.Value, t.Value)));

        public void Dispose() => listener.Dispose();
    }

    /// <summary>Every log line of every category, formatted, with its structured values.</summary>
    private sealed class CollectingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> lines = new();

        public ILogger CreateLogger(string categoryName) => new Collector(lines);

        public string Text() => string.Join('\n', lines);

        public void Dispose()
        {
        }

        private sealed class Collector(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                lines.Enqueue($"scope {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}")) : "";
                lines.Enqueue($"{formatter(state, exception)} {values} {exception}");
            }
        }
    }
}
