using ZodiaCore.InterpretationService.Charts;

namespace ZodiaCore.InterpretationService.BuiltIn;

/// <summary>What one body means, in phrases built to slot into any sign, house or aspect sentence.</summary>
/// <remarks>
/// <para><c>Name</c>: Lower-case, with article where English wants one ("the Sun", "Mercury").</para>
/// <para><c>Possessive</c>: "your Sun": the body as the reader's own.</para>
/// <para><c>Subject</c>: A singular noun phrase for what the body drives, used as a sentence subject.</para>
/// <para><c>Keyword</c>: A shorter singular noun phrase used in aspect sentences.</para>
/// <para><c>HouseVerb</c>: A verb phrase that takes a house's area as its object.</para>
/// <para><c>Meaning</c>: A full sentence on the body itself, for long readings.</para>
/// <para><c>ShowsRetrograde</c>: False where retrograde motion is normal or impossible (luminaries, nodes, mean apogee).</para>
/// </remarks>
internal sealed record BodyLore(
    string Key,
    string Name,
    string Possessive,
    string Subject,
    string Keyword,
    string HouseVerb,
    string Meaning,
    bool ShowsRetrograde);

// The knowledge base is C# data rather than JSON resources: the compiler checks every entry's shape,
// tests enumerate it directly, and nothing is loaded or parsed at start-up.
internal static class BodyKnowledge
{
    private static readonly Dictionary<string, BodyLore> Lore = new BodyLore[]
    {
        new(BodyNames.Sun, "the Sun", "your Sun",
            "your core sense of self", "your sense of self",
            "seeks recognition through",
            "The Sun is the centre of the chart, the steady fire of purpose and vitality that you grow into over a lifetime.",
            ShowsRetrograde: false),
        new(BodyNames.Moon, "the Moon", "your Moon",
            "your emotional life", "your emotional life",
            "looks for comfort and belonging in",
            "The Moon speaks for needs, moods and habits, the part of you that reacts before thinking and wants to feel safe.",
            ShowsRetrograde: false),
        new(BodyNames.Mercury, "Mercury", "your Mercury",
            "your mind", "your way of thinking",
            "turns your curiosity and your words toward",
            "Mercury describes how you notice, learn, speak and make connections between things.",
            ShowsRetrograde: true),
        new(BodyNames.Venus, "Venus", "your Venus",
            "your way of loving and valuing", "your affection",
            "brings charm, pleasure and ease to",
            "Venus shows what you find beautiful, what you value and how you give and receive affection.",
            ShowsRetrograde: true),
        new(BodyNames.Mars, "Mars", "your Mars",
            "your drive", "your drive",
            "spends its energy and fighting spirit on",
            "Mars is desire turned into action: courage, anger, ambition and the will to go after what you want.",
            ShowsRetrograde: true),
        new(BodyNames.Jupiter, "Jupiter", "your Jupiter",
            "your appetite for growth", "your optimism",
            "brings growth, generosity and good luck to",
            "Jupiter widens whatever it touches, bringing faith, opportunity and sometimes too much of a good thing.",
            ShowsRetrograde: true),
        new(BodyNames.Saturn, "Saturn", "your Saturn",
            "your sense of duty", "your sense of responsibility",
            "asks for patience, effort and structure in",
            "Saturn marks where life feels like hard work at first and where, with time and discipline, real mastery is built.",
            ShowsRetrograde: true),
        new(BodyNames.Uranus, "Uranus", "your Uranus",
            "your independent streak", "your need for freedom",
            "brings surprises, breaks and a need for freedom to",
            "Uranus is the urge to break a pattern, the sudden insight that refuses to do things the way they have always been done.",
            ShowsRetrograde: true),
        new(BodyNames.Neptune, "Neptune", "your Neptune",
            "your imagination", "your imagination",
            "softens, idealises and sometimes blurs",
            "Neptune dissolves hard edges, opening the door to compassion, art and faith as well as to confusion and escape.",
            ShowsRetrograde: true),
        new(BodyNames.Pluto, "Pluto", "your Pluto",
            "your capacity for renewal", "your will to transform",
            "drives deep and lasting change in",
            "Pluto works slowly and below the surface, where power, loss and rebirth reshape what cannot stay as it is.",
            ShowsRetrograde: true),
        new(BodyNames.TrueNode, "the true North Node", "your true North Node",
            "your direction of growth", "your direction of growth",
            "points your growth toward",
            "The true North Node, measured at its actual wobbling position, marks the unfamiliar direction life keeps inviting you to take, while its opposite point holds the habits you already know too well.",
            ShowsRetrograde: false),
        new(BodyNames.MeanNode, "the mean North Node", "your mean North Node",
            "the long arc of your development", "your long-term course",
            "sets a long-term course toward",
            "The mean North Node smooths the node's wobble into an average path, giving a steadier reading of where growth lies.",
            ShowsRetrograde: false),
        new(BodyNames.Chiron, "Chiron", "your Chiron",
            "your oldest wound", "your oldest wound",
            "marks a sore point, and a gift for healing others, in",
            "Chiron points to a hurt that never quite closes and to the wisdom and care for others that grow out of living with it.",
            ShowsRetrograde: true),
        new(BodyNames.Lilith, "Lilith", "your Lilith",
            "your untamed side", "your untamed side",
            "stirs up defiance and raw honesty in",
            "Lilith, the lunar apogee also called the Black Moon, stands for what refuses to be tamed, shamed or made polite.",
            ShowsRetrograde: false),
    }.ToDictionary(lore => lore.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>Bodies this knowledge base can describe, in ChartService's order.</summary>
    public static IReadOnlyList<string> Known => BodyNames.All;

    public static bool TryGet(string name, out BodyLore lore) => Lore.TryGetValue(name, out lore!);

    public static BodyLore Get(string name) => Lore[name];

    /// <summary>Both node kinds describe one point, so readings treat them together where they agree.</summary>
    public static bool IsNode(string name) =>
        string.Equals(name, BodyNames.TrueNode, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, BodyNames.MeanNode, StringComparison.OrdinalIgnoreCase);
}
