namespace ZodiaCore.InterpretationService.Quotas;

/// <summary>Section <c>Interpretation</c>.</summary>
public sealed class QuotaOptions
{
    public const string SectionName = "Interpretation";

    /// <summary>Language-model interpretations each user may ask for per UTC day; the built-in interpreter is never limited.</summary>
    public int DailyLlmQuota { get; set; } = 50;
}
