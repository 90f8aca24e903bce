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

    /// <summary>
    /// The least of the deadline worth handing to the next provider: a model cannot answer in less, so asking it would
    /// only delay the built-in interpreter. It also absorbs the few milliseconds by which a cancellation timer may fire
    /// before the high-resolution clock says the deadline has passed, so the providers not reached are reported as
    /// <c>deadline_exceeded</c> rather than timing out one by one.
    /// </summary>
    public TimeSpan MinimumProviderTime { get; set; } = TimeSpan.FromSeconds(1);
}
