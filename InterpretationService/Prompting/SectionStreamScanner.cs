using System.Text;
using ZodiaCore.InterpretationService.Interpretations;

namespace ZodiaCore.InterpretationService.Prompting;

/// <summary>
/// Follows a streamed <c>{"sections":[{"key","title","text"}]}</c> answer character by character and hands out the
/// decoded text of each section as it arrives, so a client sees prose rather than JSON. The complete answer is still
/// checked by <see cref="SectionAnswer.Parse"/> at the end; this class only decides what can be shown early.
/// </summary>
public sealed class SectionStreamScanner(IReadOnlyList<SectionKey> requested)
{
    private readonly StringBuilder raw = new();
    private readonly List<Frame> stack = [];
    private readonly HashSet<SectionKey> seen = [];
    private readonly HashSet<SectionKey> completed = [];
    private readonly Dictionary<SectionKey, string> titles = [];
    private readonly StringBuilder token = new();
    private readonly StringBuilder pendingText = new();
    private readonly StringBuilder hex = new();

    private bool started;
    private bool finished;
    private StringKind stringKind = StringKind.None;
    private bool escaped;
    private bool inHex;

    // The section object being read.
    private SectionKey? sectionKey;
    private bool sectionIgnored;
    private bool sectionHasText;
    private string? sectionTitle;

    private enum StringKind { None, PropertyName, SectionText, SectionField, OtherValue }

    /// <summary>Everything fed so far, for the final parse.</summary>
    public string Raw => raw.ToString();

    /// <summary>Requested sections whose object has closed with text.</summary>
    public IReadOnlySet<SectionKey> Completed => completed;

    /// <summary>The titles of completed sections that had one.</summary>
    public IReadOnlyDictionary<SectionKey, string> Titles => titles;

    /// <summary>Sections some of whose text has been handed out.</summary>
    public IReadOnlySet<SectionKey> Started => seen;

    /// <summary>Reads the next piece of the answer; returns the section text it completes, merged per section.</summary>
    public IReadOnlyList<SectionDelta> Feed(string chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        raw.Append(chunk);
        var deltas = new List<SectionDelta>();
        foreach (var c in chunk)
        {
            Read(c, deltas);
        }

        return deltas;
    }

    private void Read(char c, List<SectionDelta> deltas)
    {
        if (finished)
        {
            return;
        }

        if (!started)
        {
            // Anything before the first brace (a code fence, a stray sentence) is not part of the document.
            if (c != '{')
            {
                return;
            }

            started = true;
        }

        if (stringKind != StringKind.None)
        {
            ReadStringChar(c, deltas);
            return;
        }

        switch (c)
        {
            case '{':
                stack.Add(new Frame(IsObject: true));
                if (IsSectionObject)
                {
                    sectionKey = null;
                    sectionIgnored = false;
                    sectionHasText = false;
                    sectionTitle = null;
                    pendingText.Clear();
                }

                break;
            case '[':
                stack.Add(new Frame(IsObject: false));
                break;
            case '}' or ']':
                if (c == '}' && IsSectionObject)
                {
                    if (sectionKey is { } key && !sectionIgnored && sectionHasText)
                    {
                        completed.Add(key);
                        if (!string.IsNullOrWhiteSpace(sectionTitle))
                        {
                            titles[key] = sectionTitle.Trim();
                        }
                    }

                    sectionKey = null;
                }

                if (stack.Count > 0)
                {
                    stack.RemoveAt(stack.Count - 1);
                }

                finished = stack.Count == 0;
                break;
            case ',':
                if (Top is { IsObject: true } frame)
                {
                    frame.ExpectingName = true;
                }

                break;
            case '"':
                token.Clear();
                stringKind = StartString();
                break;
        }
    }

    private StringKind StartString()
    {
        if (Top is not { } frame)
        {
            return StringKind.OtherValue;
        }

        if (frame.IsObject && frame.ExpectingName)
        {
            return StringKind.PropertyName;
        }

        if (!IsSectionObject)
        {
            return StringKind.OtherValue;
        }

        return frame.Property switch
        {
            "text" => StringKind.SectionText,
            "key" or "title" => StringKind.SectionField,
            _ => StringKind.OtherValue,
        };
    }

    private void ReadStringChar(char c, List<SectionDelta> deltas)
    {
        char decoded;
        if (inHex)
        {
            hex.Append(c);
            if (hex.Length < 4)
            {
                return;
            }

            inHex = false;
            decoded = int.TryParse(hex.ToString(), System.Globalization.NumberStyles.HexNumber, null, out var code) ? (char)code : '\uFFFD';
        }
        else if (escaped)
        {
            escaped = false;
            if (c == 'u')
            {
                inHex = true;
                hex.Clear();
                return;
            }

            decoded = c switch { 'n' => '\n', 'r' => '\r', 't' => '\t', 'b' => '\b', 'f' => '\f', _ => c };
        }
        else if (c == '\\')
        {
            escaped = true;
            return;
        }
        else if (c == '"')
        {
            EndString(deltas);
            return;
        }
        else
        {
            decoded = c;
        }

        switch (stringKind)
        {
            case StringKind.SectionText:
                AppendText(decoded, deltas);
                break;
            case StringKind.PropertyName or StringKind.SectionField:
                token.Append(decoded);
                break;
        }
    }

    private void EndString(List<SectionDelta> deltas)
    {
        var kind = stringKind;
        stringKind = StringKind.None;
        if (kind == StringKind.PropertyName && Top is { } frame)
        {
            frame.Property = token.ToString();
            frame.ExpectingName = false;
        }
        else if (kind == StringKind.SectionField && Top?.Property == "title")
        {
            sectionTitle = token.ToString();
        }
        else if (kind == StringKind.SectionField && sectionKey is null && !sectionIgnored)
        {
            if (SectionKeys.TryParse(token.ToString(), out var key) && requested.Contains(key.Value) && seen.Add(key.Value))
            {
                sectionKey = key;
                if (pendingText.Length > 0)
                {
                    Emit(key.Value, pendingText.ToString(), deltas);
                    pendingText.Clear();
                }
            }
            else
            {
                // Unknown, unrequested or repeated: its text is never shown.
                sectionIgnored = true;
                pendingText.Clear();
            }
        }
    }

    private void AppendText(char c, List<SectionDelta> deltas)
    {
        if (sectionIgnored)
        {
            return;
        }

        if (!sectionHasText && char.IsWhiteSpace(c))
        {
            return;
        }

        sectionHasText = true;
        if (sectionKey is { } key)
        {
            Emit(key, c.ToString(), deltas);
        }
        else
        {
            pendingText.Append(c);
        }
    }

    private static void Emit(SectionKey key, string text, List<SectionDelta> deltas)
    {
        if (deltas.Count > 0 && deltas[^1].Key == key)
        {
            deltas[^1] = deltas[^1] with { Text = deltas[^1].Text + text };
        }
        else
        {
            deltas.Add(new SectionDelta(key, text));
        }
    }

    private Frame? Top => stack.Count > 0 ? stack[^1] : null;

    // root object → "sections" array → section object
    private bool IsSectionObject =>
        stack.Count == 3 && stack[0].IsObject && stack[0].Property == "sections" && !stack[1].IsObject && stack[2].IsObject;

    private sealed class Frame(bool IsObject)
    {
        public bool IsObject { get; } = IsObject;

        public bool ExpectingName { get; set; } = IsObject;

        public string? Property { get; set; }
    }
}

/// <summary>Newly arrived text of one section.</summary>
public sealed record SectionDelta(SectionKey Key, string Text);
