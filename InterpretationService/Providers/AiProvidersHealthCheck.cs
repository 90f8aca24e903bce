using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ZodiaCore.InterpretationService.Providers;

/// <summary>
/// Degraded while any provider's breaker is open. Never unhealthy: the built-in interpreter still answers, so
/// restarting or unrouting this service would only make things worse.
/// </summary>
public sealed class AiProvidersHealthCheck(AiProviderCatalog catalog, ProviderCircuitStates circuits) : IHealthCheck
{
    public const string Name = "ai-providers";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var states = catalog.Providers.ToDictionary(p => p.Name, p => (object)circuits.Get(p.Name).ToString());
        var open = catalog.Providers.Where(p => circuits.Get(p.Name) == ProviderCircuitState.Open).Select(p => p.Name).ToList();
        var result = open.Count == 0
            ? HealthCheckResult.Healthy(
                catalog.Providers.Count == 0 ? "No language-model provider is configured; the built-in interpreter answers." : "All provider circuits are closed.",
                states)
            : HealthCheckResult.Degraded($"Circuit open for {string.Join(", ", open)}; requests fail over.", data: states);
        return Task.FromResult(result);
    }
}
