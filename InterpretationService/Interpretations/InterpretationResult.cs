namespace ZodiaCore.InterpretationService.Interpretations;

/// <summary>The text an interpreter produced, before the API adds ids, provider and caching metadata.</summary>
/// <remarks>
/// <para><c>Language</c>: The language the text is written in.</para>
/// <para><c>LanguageFallback</c>: True when the requested language could not be honoured and <paramref name="Language"/> was used instead.</para>
/// <para><c>Warnings</c>: Machine-readable notes about the answer (see <see cref="InterpretationWarningCodes"/>).</para>
/// </remarks>
public sealed record InterpretationResult(
    IReadOnlyList<InterpretationSection> Sections,
    string Language,
    bool LanguageFallback,
    IReadOnlyList<InterpretationWarning> Warnings);

/// <summary>A machine-readable code with a human message, in the platform's <c>warnings[]</c> shape.</summary>
public sealed record InterpretationWarning(string Code, string Message);

public static class InterpretationWarningCodes
{
    /// <summary>The requested language is not available; the text is in English.</summary>
    public const string LanguageUnsupported = "language.unsupported";

    /// <summary>The chart has no birth time, so houses and angles were not interpreted.</summary>
    public const string HousesUnknown = "houses.unknown";
}
