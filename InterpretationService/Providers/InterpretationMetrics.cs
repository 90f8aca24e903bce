using System.Diagnostics.Metrics;

namespace ZodiaCore.InterpretationService.Providers;

/// <summary>The interpretation metrics on meter <c>ZodiaCore.Interpretation</c>.</summary>
public sealed class InterpretationMetrics
{
    public const string MeterName = "ZodiaCore.Interpretation";

    private readonly Counter<long> interpretations;
    private readonly Histogram<double> duration;
    private readonly Counter<long> tokens;
    private readonly Counter<long> fallbacks;

    public InterpretationMetrics(IMeterFactory meterFactory, AiProviderCatalog catalog, ProviderCircuitStates circuits)
    {
        var meter = meterFactory.Create(MeterName);
        interpretations = meter.CreateCounter<long>(
            "zodiacore.interpretations",
            description: "Sources asked, by provider and outcome: one success per interpretation served, one failure per provider that did not answer it.");

        // From the built-in interpreter's milliseconds to a long generation's minute.
        duration = meter.CreateHistogram<double>(
            "zodiacore.interpretation.duration", "s", "Time each provider took to answer or fail.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.025, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120] });
        tokens = meter.CreateCounter<long>("zodiacore.interpretation.tokens", description: "Language-model tokens by provider, model and direction.");
        fallbacks = meter.CreateCounter<long>("zodiacore.interpretation.fallbacks", description: "Providers passed over, by reason.");
        meter.CreateObservableGauge(
            "zodiacore.ai.circuit.state",
            () => catalog.Providers.Select(p => new Measurement<int>((int)circuits.Get(p.Name), new KeyValuePair<string, object?>("provider", p.Name))),
            description: "Circuit breaker state per provider: 0 closed, 1 half-open, 2 open.");
    }

    public void Succeeded(string provider, TimeSpan elapsed) => Record(provider, "success", elapsed);

    public void Failed(string provider, string reason, TimeSpan elapsed)
    {
        Record(provider, "failure", elapsed);
        PassedOver(provider, reason);
    }

    /// <summary>A hand-over to the next source, whether or not the provider was asked.</summary>
    public void PassedOver(string provider, string reason) => fallbacks.Add(1, new("from_provider", provider), new("reason", reason));

    public void Tokens(string provider, string model, long? input, long? output)
    {
        if (input is > 0)
        {
            tokens.Add(input.Value, new("provider", provider), new("model", model), new("direction", "input"));
        }

        if (output is > 0)
        {
            tokens.Add(output.Value, new("provider", provider), new("model", model), new("direction", "output"));
        }
    }

    private void Record(string provider, string outcome, TimeSpan elapsed)
    {
        interpretations.Add(1, new("provider", provider), new("outcome", outcome));
        duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("provider", provider));
    }
}
