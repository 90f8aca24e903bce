using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace ZodiaCore.InterpretationService.Providers;

/// <summary>
/// The resilience pipeline of one provider's HttpClient: total timeout → retry → circuit breaker → attempt timeout.
/// The breaker sits inside the retry so every attempt counts, which lets it trip after two calls' worth of failures.
/// </summary>
internal static class ProviderResiliencePipeline
{
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> pipeline, string provider, ProviderResilienceOptions options, ProviderCircuitStates circuits)
    {
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = $"{provider}-total", Timeout = options.TotalTimeout });

        // Polly refuses a retry strategy with zero attempts; no retries means no strategy.
        if (options.MaxRetryAttempts > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                Name = $"{provider}-retry",
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options.MaxRetryAfter)),
            });
        }

        pipeline
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                Name = $"{provider}-breaker",
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.MinimumThroughput,
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsTransientFailure(args.Outcome)),
                OnOpened = args =>
                {
                    circuits.Opened(provider, args.BreakDuration);
                    return default;
                },
                OnHalfOpened = _ =>
                {
                    circuits.HalfOpened(provider);
                    return default;
                },
                OnClosed = _ =>
                {
                    circuits.Closed(provider);
                    return default;
                },
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = $"{provider}-attempt", Timeout = options.AttemptTimeout });
    }

    /// <summary>Failures worth another try and worth counting against the provider: network errors, timeouts, 408, 429 and 5xx.</summary>
    public static bool IsTransientFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            || (int)response.StatusCode >= 500,
        _ => false,
    };

    // Waiting longer than MaxRetryAfter would hold the user up for a provider that asked to be left alone; the next one is quicker.
    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter) =>
        IsTransientFailure(outcome) && !(outcome.Result is { } response && RetryAfter(response) > maxRetryAfter);

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };
}
