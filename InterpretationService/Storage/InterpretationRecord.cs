using ZodiaCore.InterpretationService.Interpretations;

namespace ZodiaCore.InterpretationService.Storage;

/// <summary>One interpretation a user asked for, as stored. The section text is derived from birth data, so it is held encrypted.</summary>
public sealed record InterpretationRecord
{
    /// <summary>A UUIDv7 as 32 hex digits: <see cref="AskId"/> when the ask had a cache key, random otherwise.</summary>
    public required string Id { get; init; }

    public required string UserId { get; init; }

    /// <summary>The saved chart it explains; null when the chart was sent inline.</summary>
    public string? ChartId { get; init; }

    public string? ContentId { get; init; }

    public required string Provider { get; init; }

    public required string Model { get; init; }

    public bool Fallback { get; init; }

    public required string PromptVersion { get; init; }

    public required string Language { get; init; }

    public required string Length { get; init; }

    /// <summary>The section keys in order; not sensitive, so lists can show them without decrypting.</summary>
    public required IReadOnlyList<string> SectionKeys { get; init; }

    public long? InputTokens { get; init; }

    public long? OutputTokens { get; init; }

    public IReadOnlyList<InterpretationWarning> Warnings { get; init; } = [];

    /// <summary>Millisecond precision, as both stores keep it.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The sections ({ key, title, text }[] as JSON), encrypted for this record id and field <c>sections</c>.</summary>
    public required byte[] SectionsCiphertext { get; init; }
}
