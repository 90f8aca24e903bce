using ZodiaCore.InterpretationService.Charts;
using ZodiaCore.InterpretationService.Interpretations;

namespace ZodiaCore.InterpretationService.Providers;

/// <summary>What to interpret and how.</summary>
/// <remarks>
/// <para><c>PreferredProvider</c>: openai, anthropic, google or builtin (normalised with <see cref="AiProviderNames.TryNormalize"/>); null for the configured order.</para>
/// <para><c>ChartName</c>: The chart's user-given name; passed to a model as data only.</para>
/// </remarks>
public sealed record InterpretationRequest(
    ChartFacts Chart,
    InterpretationOptions Options,
    string? PreferredProvider = null,
    string? ChartName = null);
