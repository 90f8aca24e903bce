using System.Text.Json;
using System.Text.Json.Serialization;
using ZodiaCore.InterpretationService.Interpretations;
using ZodiaCore.InterpretationService.Providers;

namespace ZodiaCore.InterpretationService.Apis;

/// <summary>The body of <c>POST /api/interpretations</c>: exactly one of <c>chartId</c> and <c>chart</c>, plus options.</summary>
/// <remarks>
/// <para><c>Chart</c>: ChartService's natal request, passed through as sent.</para>
/// <para><c>Sections</c>: overview, planets, houses, aspects, elements; all five when absent or empty.</para>
/// <para><c>Length</c>: short, standard (default) or long.</para>
/// <para><c>Provider</c>: openai, anthropic, google or builtin; the configured order when absent.</para>
/// </remarks>
public sealed record CreateInterpretationRequest(
    string? ChartId,
    JsonElement? Chart,
    IReadOnlyList<string>? Sections,
    string? Length,
    string? Language,
    string? Provider);

/// <summary>An interpretation with where it came from.</summary>
/// <remarks>
/// <para><c>Fallback</c>: True when the text did not come from the preferred source.</para>
/// <para><c>Cached</c>: True when this request was answered from the cache (no model was called).</para>
/// <para><c>Failures</c>: On creation only: the sources tried first and why they did not answer.</para>
/// </remarks>
public sealed record InterpretationResponse(
    string Id,
    IReadOnlyList<InterpretationSection> Sections,
    string Provider,
    string Model,
    bool Fallback,
    string PromptVersion,
    TokenUsageResponse Usage,
    string? ChartId,
    string? ContentId,
    DateTimeOffset CreatedAt,
    IReadOnlyList<InterpretationWarning> Warnings,
    string Language,
    string Length,
    bool Cached,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ProviderFailure>? Failures = null);

public sealed record TokenUsageResponse(long? InputTokens, long? OutputTokens);

/// <summary>An entry of the caller's list: what and when, without the text.</summary>
public sealed record InterpretationSummary(
    string Id,
    string? ChartId,
    string? ContentId,
    IReadOnlyList<string> Sections,
    string Provider,
    string Model,
    bool Fallback,
    string Language,
    string Length,
    DateTimeOffset CreatedAt);

/// <summary>The data of an SSE <c>section</c> event: more text of one section.</summary>
/// <remarks><c>Restart</c>: The section's earlier text is void (its source broke off); this text begins it again.</remarks>
public sealed record SectionEvent(string Key, string Title, string Text, bool Restart);

/// <summary>What <c>GET /internal/users/{userId}/export</c> returns.</summary>
public sealed record InterpretationExport(IReadOnlyList<InterpretationResponse> Interpretations);
