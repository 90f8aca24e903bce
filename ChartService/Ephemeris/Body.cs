namespace ZodiaCore.ChartService.Ephemeris;

/// <summary>Bodies a chart can hold; the first fourteen are the default set, in output order.</summary>
public enum Body : byte
{
    Sun,
    Moon,
    Mercury,
    Venus,
    Mars,
    Jupiter,
    Saturn,
    Uranus,
    Neptune,
    Pluto,
    MeanNode,
    TrueNode,
    Chiron,
    Lilith,
    Ceres,
    Pallas,
    Juno,
    Vesta,
    Pholus,
    OsculatingLilith,
}

public static class BodyCatalog
{
    public const int Count = 20;

    public const int DefaultCount = 14;

    public const int PlanetCount = 10;

    private static readonly string[] Names =
    [
        "sun", "moon", "mercury", "venus", "mars", "jupiter", "saturn", "uranus", "neptune", "pluto",
        "meanNode", "trueNode", "chiron", "lilith", "ceres", "pallas", "juno", "vesta", "pholus", "osculatingLilith",
    ];

    // Library body numbers (SE_SUN … SE_VESTA); lilith is the mean lunar apogee.
    private static readonly int[] SweIds = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 15, 12, 17, 18, 19, 20, 16, 13];

    private static readonly string[] Glyphs =
    [
        "☉", "☽", "☿", "♀", "♂", "♃", "♄", "♅", "♆", "♇", "☊", "☊", "⚷", "⚸", "⚳", "⚴", "⚵", "⚶", "⯛", "⚸",
    ];

    private static readonly Body[] DefaultSet =
    [
        Body.Sun, Body.Moon, Body.Mercury, Body.Venus, Body.Mars, Body.Jupiter, Body.Saturn, Body.Uranus,
        Body.Neptune, Body.Pluto, Body.MeanNode, Body.TrueNode, Body.Chiron, Body.Lilith,
    ];

    public static ReadOnlySpan<Body> Defaults => DefaultSet;

    public static string Name(Body body) => Names[(int)body];

    public static string Glyph(Body body) => Glyphs[(int)body];

    internal static int SweId(Body body) => SweIds[(int)body];

    public static bool IsPlanet(Body body) => (int)body < PlanetCount;

    public static bool TryParse(string? name, out Body body)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                body = (Body)i;
                return true;
            }
        }

        body = default;
        return false;
    }
}
