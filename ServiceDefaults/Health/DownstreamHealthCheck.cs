using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ZodiaCore.ServiceDefaults.Health;

/// <summary>
/// Asks another ZodiaCore service for its /health, once, within a short timeout and without retries: a down
/// or slow neighbour degrades this service's report but never makes it unhealthy.
/// </summary>
internal sealed class DownstreamHealthCheck(IHttpClientFactory httpClientFactory, string service, TimeSpan timeout) : IHealthCheck
{
    public const string HttpClientName = "health-probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            var client = httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.GetAsync(new Uri($"http://{service}{HealthEndpoints.HealthPath}"), cts.Token);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable || !response.IsSuccessStatusCode)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, $"{service} reports unhealthy ({(int)response.StatusCode})");
            }

            await using var body = await response.Content.ReadAsStreamAsync(cts.Token);
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: cts.Token);
            var status = json.RootElement.TryGetProperty("status", out var s) ? s.GetString() : null;
            return status == "healthy"
                ? HealthCheckResult.Healthy($"{service} is healthy")
                : HealthCheckResult.Degraded($"{service} reports {status ?? "an unknown status"}");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus,
                cancellationToken.IsCancellationRequested ? $"{service} probe was cancelled" : $"{service} is unreachable");
        }
    }
}
