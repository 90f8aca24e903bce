namespace ZodiaCore.InterpretationService.BuiltIn;

/// <summary>What an element or modality means when it is strong or scarce in a chart.</summary>
/// <remarks>
/// <para><c>Nature</c>: A noun phrase: what the quality contributes.</para>
/// <para><c>Strong</c>: A clause beginning with "you": the quality in abundance.</para>
/// <para><c>Weak</c>: A clause: the quality in short supply.</para>
/// </remarks>
internal sealed record BalanceLore(string Name, string Nature, string Strong, string Weak);

internal static class BalanceKnowledge
{
    private static readonly BalanceLore[] Elements =
    [
        new("fire", "action, enthusiasm and courage",
            "you are fuelled by enthusiasm and inspiration, quick to start and just as quick to lose interest",
            "spontaneity and self-belief may need to be fed on purpose"),
        new("earth", "practical sense, patience and care for the body",
            "you trust what is real and tested, and you build steadily toward results you can touch",
            "routines, money and the needs of the body may take conscious attention"),
        new("air", "ideas, talk and connection",
            "you live through ideas and conversation, and you need people to think with",
            "stepping back to see a situation coolly and from the outside may not come easily"),
        new("water", "feeling, intuition and attachment",
            "you read moods before words and tend to decide from the gut",
            "feelings may be easier to understand than to show"),
    ];

    private static readonly BalanceLore[] Modalities =
    [
        new("cardinal", "initiative",
            "you prefer to start things and set the direction yourself",
            "getting things started may take a push from others"),
        new("fixed", "persistence",
            "you hold on, see things through and resist being moved",
            "staying with one thing once the novelty fades may be hard"),
        new("mutable", "adaptability",
            "you adapt, adjust and like to keep several options open",
            "change may feel unsettling rather than refreshing"),
    ];

    public static BalanceLore Get(Element element) => Elements[(int)element];

    public static BalanceLore Get(Modality modality) => Modalities[(int)modality];
}
