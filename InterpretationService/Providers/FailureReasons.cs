namespace ZodiaCore.InterpretationService.Providers;

/// <summary>Why a provider did not answer: machine-readable codes returned to clients and used as the fallbacks metric's reason tag.</summary>
public static class FailureReasons
{
    public const string NotConfigured = "not_configured";
    public const string CircuitOpen = "circuit_open";
    public const string Timeout = "timeout";
    public const string RateLimited = "rate_limited";
    public const string ServerError = "server_error";
    public const string RequestRejected = "request_rejected";
    public const string NetworkError = "network_error";
    public const string EmptyAnswer = "empty_answer";
    public const string MalformedAnswer = "malformed_answer";
    public const string MissingSections = "missing_sections";
    public const string StreamInterrupted = "stream_interrupted";
    public const string ProviderError = "provider_error";

    /// <summary>Not asked: the providers before it used up <see cref="ProviderChainOptions.ProviderDeadline"/>.</summary>
    public const string DeadlineExceeded = "deadline_exceeded";
}

/// <summary>One provider that did not answer, and why.</summary>
public sealed record ProviderFailure(string Provider, string Reason);
