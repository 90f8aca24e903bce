namespace ZodiaCore.ChartService.Aspects;

public enum AspectKind : byte
{
    Conjunction,
    Opposition,
    Trine,
    Square,
    Sextile,
    Quincunx,
    Semisextile,
    Semisquare,
    Sesquiquadrate,
    Quintile,
    Biquintile,
}

/// <summary>One aspect the finder looks for: its exact angle and the orb allowed either side.</summary>
public readonly record struct AspectRule(AspectKind Kind, double Angle, double Orb);

public static class AspectKinds
{
    public const double MaxOrb = 15;

    private static readonly string[] Names =
    [
        "conjunction", "opposition", "trine", "square", "sextile",
        "quincunx", "semisextile", "semisquare", "sesquiquadrate", "quintile", "biquintile",
    ];

    private static readonly double[] ExactAngles = [0, 180, 120, 90, 60, 150, 30, 45, 135, 72, 144];

    private static readonly double[] DefaultOrbs = [8, 8, 8, 7, 6, 3, 2, 2, 2, 2, 2];

    private static readonly AspectRule[] Majors =
    [
        Rule(AspectKind.Conjunction), Rule(AspectKind.Opposition), Rule(AspectKind.Trine), Rule(AspectKind.Square),
        Rule(AspectKind.Sextile),
    ];

    public static IReadOnlyList<string> All => Names;

    public static ReadOnlySpan<AspectRule> MajorRules => Majors;

    public static string Name(AspectKind kind) => Names[(int)kind];

    public static double ExactAngle(AspectKind kind) => ExactAngles[(int)kind];

    public static double DefaultOrb(AspectKind kind) => DefaultOrbs[(int)kind];

    public static bool IsMajor(AspectKind kind) => kind <= AspectKind.Sextile;

    public static AspectRule Rule(AspectKind kind) => new(kind, ExactAngle(kind), DefaultOrb(kind));

    public static AspectRule Rule(AspectKind kind, double orb) => new(kind, ExactAngle(kind), orb);

    public static bool TryParse(string? name, out AspectKind kind)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                kind = (AspectKind)i;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
