namespace ZodiaCore.InterpretationService.BuiltIn;

/// <summary>What one major aspect does between any two bodies.</summary>
/// <remarks>
/// <para><c>Noun</c>: With its article: "a square", "an opposition".</para>
/// <para><c>Verb</c>: "squares", as in "the Sun squares Saturn".</para>
/// <para><c>Relationships</c>: Clauses relating two body keywords, written so the kind of contact is audible.</para>
/// </remarks>
internal sealed record AspectLore(
    string Kind,
    string Noun,
    string Verb,
    IReadOnlyList<Func<string, string, string>> Relationships);

internal static class AspectKnowledge
{
    private static readonly Dictionary<string, AspectLore> Lore = new AspectLore[]
    {
        new("conjunction", "a conjunction", "is conjunct",
        [
            (a, b) => $"{a} and {b} are fused into a single force, making both stronger and harder to tell apart",
            (a, b) => $"{a} never acts without {b}, for better and for worse",
            (a, b) => $"{a} is coloured through and through by {b}",
        ]),
        new("sextile", "a sextile", "sextiles",
        [
            (a, b) => $"{a} and {b} help each other along, though the opportunity needs a first step from you",
            (a, b) => $"{a} finds a friendly ally in {b} whenever you choose to call on it",
            (a, b) => $"{a} and {b} cooperate once you make the effort, a quiet talent worth developing",
        ]),
        new("square", "a square", "squares",
        [
            (a, b) => $"{a} and {b} rub against each other, and the friction becomes drive once it is worked with",
            (a, b) => $"{a} keeps running into {b}, a tension that builds strength through effort",
            (a, b) => $"{a} and {b} want different things at the same time, which pushes you to act and grow",
        ]),
        new("trine", "a trine", "trines",
        [
            (a, b) => $"{a} and {b} flow together easily, a natural gift that is easy to take for granted",
            (a, b) => $"{a} is supported by {b} without any effort on your part",
            (a, b) => $"{a} and {b} agree naturally, and this harmony is one of the chart's resources",
        ]),
        new("opposition", "an opposition", "opposes",
        [
            (a, b) => $"{a} and {b} pull from opposite sides and ask to be balanced, often through other people",
            (a, b) => $"{a} faces {b} across the chart, a see-saw that close relationships tend to reveal",
            (a, b) => $"{a} and {b} take turns at the front, and the work is to let both have their say",
        ]),
    }.ToDictionary(lore => lore.Kind, StringComparer.OrdinalIgnoreCase);

    /// <summary>Only the five major kinds are known here; minor aspects are left to the LLM path.</summary>
    public static bool TryGetMajor(string kind, out AspectLore lore) => Lore.TryGetValue(kind, out lore!);
}
