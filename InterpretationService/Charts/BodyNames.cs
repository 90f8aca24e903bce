namespace ZodiaCore.InterpretationService.Charts;

/// <summary>Body identifiers exactly as ChartService writes them in <c>bodies[].name</c>.</summary>
public static class BodyNames
{
    public const string Sun = "sun";
    public const string Moon = "moon";
    public const string Mercury = "mercury";
    public const string Venus = "venus";
    public const string Mars = "mars";
    public const string Jupiter = "jupiter";
    public const string Saturn = "saturn";
    public const string Uranus = "uranus";
    public const string Neptune = "neptune";
    public const string Pluto = "pluto";
    public const string MeanNode = "meanNode";
    public const string TrueNode = "trueNode";
    public const string Chiron = "chiron";
    public const string Lilith = "lilith";

    /// <summary>The default body set of a natal chart, in ChartService's order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Sun, Moon, Mercury, Venus, Mars, Jupiter, Saturn, Uranus, Neptune, Pluto, MeanNode, TrueNode, Chiron, Lilith,
    ];

    /// <summary>The ten planets (luminaries included) that element and modality balance counts.</summary>
    public static IReadOnlyList<string> Planets { get; } =
    [
        Sun, Moon, Mercury, Venus, Mars, Jupiter, Saturn, Uranus, Neptune, Pluto,
    ];
}
