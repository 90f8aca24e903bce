using System.Collections.Concurrent;

namespace ZodiaCore.InterpretationService.Providers;

/// <summary>Circuit state as the metric reports it: 0 closed, 1 half-open, 2 open.</summary>
public enum ProviderCircuitState
{
    Closed = 0,
    HalfOpen = 1,
    Open = 2,
}

/// <summary>
/// The breaker state of each provider, fed by the breakers' callbacks. Polly only moves a breaker to half-open when
/// the next call arrives, so an open breaker whose break has elapsed is reported half-open: a probe will be let through.
/// </summary>
public sealed class ProviderCircuitStates(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, (ProviderCircuitState State, DateTimeOffset OpenUntil)> states = new();

    public void Opened(string provider, TimeSpan breakDuration) =>
        states[provider] = (ProviderCircuitState.Open, timeProvider.GetUtcNow() + breakDuration);

    public void HalfOpened(string provider) => states[provider] = (ProviderCircuitState.HalfOpen, DateTimeOffset.MinValue);

    public void Closed(string provider) => states[provider] = (ProviderCircuitState.Closed, DateTimeOffset.MinValue);

    public ProviderCircuitState Get(string provider)
    {
        if (!states.TryGetValue(provider, out var entry))
        {
            return ProviderCircuitState.Closed;
        }

        return entry.State == ProviderCircuitState.Open && timeProvider.GetUtcNow() >= entry.OpenUntil
            ? ProviderCircuitState.HalfOpen
            : entry.State;
    }
}
