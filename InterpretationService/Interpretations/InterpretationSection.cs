namespace ZodiaCore.InterpretationService.Interpretations;

/// <summary>One section of an interpretation, as returned to clients: <c>{ "key", "title", "text" }</c>.</summary>
/// <remarks>
/// <para><c>Key</c>: overview, planets, houses, aspects or elements.</para>
/// <para><c>Text</c>: Plain text; paragraphs are separated by a blank line.</para>
/// </remarks>
public sealed record InterpretationSection(string Key, string Title, string Text);
