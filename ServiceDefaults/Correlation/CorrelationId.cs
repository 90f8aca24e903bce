using System.Buffers;

namespace ZodiaCore.ServiceDefaults.Correlation;

/// <summary>Rules for client-supplied correlation ids: short, and safe to log and echo.</summary>
public static class CorrelationId
{
    public const string DefaultHeaderName = "X-Correlation-ID";
    public const string BaggageKey = "correlation.id";
    public const int MaxLength = 128;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-");

    /// <summary>True for 1 to 128 characters of [A-Za-z0-9._:-]; anything else is replaced, never echoed.</summary>
    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && !value.AsSpan().ContainsAnyExcept(Allowed);
}
