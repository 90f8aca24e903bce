namespace ZodiaCore.ServiceDefaults.Correlation;

/// <summary>Where the correlation id travels (CORRELATION_ID_HEADER).</summary>
public sealed class CorrelationOptions
{
    public string HeaderName { get; set; } = CorrelationId.DefaultHeaderName;
}
