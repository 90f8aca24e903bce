using System.ComponentModel;
using ZodiaCore.InterpretationService.Interpretations;

namespace ZodiaCore.InterpretationService.Providers;

/// <summary>An interpretation and where it came from.</summary>
/// <remarks>
/// <para><c>Provider</c>: openai, anthropic, google or builtin: the source that produced (or, after a broken stream, finished) the text.</para>
/// <para><c>Model</c>: The model that answered; the built-in interpreter's version for builtin.</para>
/// <para><c>Fallback</c>: True when the answer did not come from the preferred source.</para>
/// <para><c>Failures</c>: The sources tried before, each with the reason it did not answer (<see cref="FailureReasons"/>).</para>
/// <para><c>Usage</c>: Tokens the answering model reported; null for builtin.</para>
/// <para><c>PromptVersion</c>: The prompt's version (<c>natal-v1</c>), or the built-in interpreter's version.</para>
/// <para><c>AnsweredAt</c>: When the source finished the answer; it travels with the answer through the cache, so every ask
/// answered from one cached answer sees the same time. Null on answers cached before it was recorded.</para>
/// </remarks>
// Never changed once made: HybridCache hands the same instance to every memory hit instead of decrypting and
// deserialising its copy each time.
[ImmutableObject(true)]
public sealed record InterpretationOutcome(
    IReadOnlyList<InterpretationSection> Sections,
    string Language,
    bool LanguageFallback,
    IReadOnlyList<InterpretationWarning> Warnings,
    string Provider,
    string Model,
    bool Fallback,
    IReadOnlyList<ProviderFailure> Failures,
    TokenUsage? Usage,
    string PromptVersion,
    DateTimeOffset? AnsweredAt = null);

/// <summary>Token counts as the provider reported them.</summary>
public sealed record TokenUsage(long? Input, long? Output);

/// <summary>One event of a streamed interpretation: section text as it is written, then the outcome.</summary>
public abstract record InterpretationStreamEvent;

/// <summary>More text of one section.</summary>
/// <remarks><c>Restart</c>: The section's earlier chunks are void (its source broke off); this chunk begins it again.</remarks>
public sealed record SectionChunk(string Key, string Title, string Text, string Provider, bool Restart = false) : InterpretationStreamEvent;

/// <summary>The last event: the complete, authoritative interpretation and its metadata.</summary>
public sealed record InterpretationCompleted(InterpretationOutcome Outcome) : InterpretationStreamEvent;
