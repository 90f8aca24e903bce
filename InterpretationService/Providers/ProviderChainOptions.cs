namespace ZodiaCore.InterpretationService.Providers;

/// <summary>Section <c>Interpretation</c>: limits on the whole chain of language models behind one request.</summary>
public sealed class ProviderChainOptions
{
    public const string SectionName = "Interpretation";

    /// <summary>
    /// How long the language models together may take for one interpretation before the built-in interpreter answers.
    /// Each provider's own total timeout still applies; this bounds their sum, which must stay under the gateway's
    /// upstream timeout for this service (120 s) so a caller gets an interpretation and never the gateway's 504.
    /// A stream that has started writing is not cut by it: the gateway's timeout counts silence, not length.
    /// </summary>
    public TimeSpan ProviderDeadline { get; set; } = TimeSpan.FromSeconds(100);
}
