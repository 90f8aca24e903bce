using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ZodiaCore.InterpretationService.Interpretations;
using ZodiaCore.InterpretationService.Providers;

namespace ZodiaCore.InterpretationService.Tests.Providers;

public sealed class CircuitBreakerTests : FakeProviderTests
{
    private static readonly IReadOnlyList<SectionKey> Asked = [SectionKey.Overview];

    private int OpenAiCalls => FakeProviders.Calls(OpenAi, FakeProviders.OpenAiPath);

    [Fact]
    public async Task Failing_provider_trips_its_breaker_after_two_requests_is_skipped_while_open_and_recovers_through_a_half_open_probe()
    {
        OpenAi.Given(FakeProviders.OpenAiRequest).RespondWith(FakeProviders.Status(500));
        Anthropic.Given(FakeProviders.AnthropicRequest).RespondWith(FakeProviders.AnthropicMessage(FakeProviders.Answer(Asked, "anthropic")));
        using var host = ProviderTestHost.Start(OpenAi, Anthropic);
        var request = new InterpretationRequest(TestCharts.Natal(), new InterpretationOptions(Asked));

        // First request: three attempts (two retries) fail, below the minimum throughput of four.
        var first = await host.Engine.InterpretAsync(request, Token);
        Assert.Equal(("anthropic", true), (first.Provider, first.Fallback));
        Assert.Equal([new ProviderFailure("openai", FailureReasons.ServerError)], first.Failures);
        Assert.Equal(3, OpenAiCalls);
        Assert.Equal(ProviderCircuitState.Closed, CircuitGauge(host)["openai"]);

        // Second request: its first attempt is the fourth failure and opens the breaker; the retry is refused.
        var second = await host.Engine.InterpretAsync(request, Token);
        Assert.Equal("anthropic", second.Provider);
        Assert.Equal(4, OpenAiCalls);
        Assert.Equal(ProviderCircuitState.Open, CircuitGauge(host)["openai"]);
        Assert.Equal(HealthStatus.Degraded, (await host.CheckHealthAsync()).Status);

        // While open, requests fall back without reaching the provider.
        var third = await host.Engine.InterpretAsync(request, Token);
        Assert.Equal(("anthropic", true), (third.Provider, third.Fallback));
        Assert.Equal([new ProviderFailure("openai", FailureReasons.CircuitOpen)], third.Failures);
        Assert.Equal(4, OpenAiCalls);

        // The provider recovers; after the break (2 s here) one probe goes through and closes the breaker.
        OpenAi.ResetMappings();
        OpenAi.Given(FakeProviders.OpenAiRequest).RespondWith(FakeProviders.OpenAiCompletion(FakeProviders.Answer(Asked, "openai")));
        await Task.Delay(TimeSpan.FromMilliseconds(2300), Token);
        Assert.Equal(ProviderCircuitState.HalfOpen, CircuitGauge(host)["openai"]);

        var fourth = await host.Engine.InterpretAsync(request, Token);
        Assert.Equal(("openai", false), (fourth.Provider, fourth.Fallback));
        Assert.Equal(5, OpenAiCalls);
        Assert.Equal(ProviderCircuitState.Closed, CircuitGauge(host)["openai"]);
        Assert.Equal(HealthStatus.Healthy, (await host.CheckHealthAsync()).Status);
    }

    [Fact]
    public async Task Open_breaker_of_one_provider_leaves_the_others_closed()
    {
        OpenAi.Given(FakeProviders.OpenAiRequest).RespondWith(FakeProviders.Status(503));
        Anthropic.Given(FakeProviders.AnthropicRequest).RespondWith(FakeProviders.AnthropicMessage(FakeProviders.Answer(Asked, "anthropic")));
        using var host = ProviderTestHost.Start(OpenAi, Anthropic);
        var request = new InterpretationRequest(TestCharts.Natal(), new InterpretationOptions(Asked));

        await host.Engine.InterpretAsync(request, Token);
        await host.Engine.InterpretAsync(request, Token);

        var gauge = CircuitGauge(host);
        Assert.Equal(ProviderCircuitState.Open, gauge["openai"]);
        Assert.Equal(ProviderCircuitState.Closed, gauge["anthropic"]);
    }

    /// <summary>Reads zodiacore.ai.circuit.state of this host's meter (tests in parallel have their own meters).</summary>
    private static Dictionary<string, ProviderCircuitState> CircuitGauge(ProviderTestHost host)
    {
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        var values = new Dictionary<string, ProviderCircuitState>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == InterpretationMetrics.MeterName && instrument.Meter.Scope == factory
                    && instrument.Name == "zodiacore.ai.circuit.state")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) =>
            values[(string)tags.ToArray().Single(t => t.Key == "provider").Value!] = (ProviderCircuitState)value);
        listener.Start();
        listener.RecordObservableInstruments();
        return values;
    }

}
