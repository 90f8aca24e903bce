namespace ZodiaCore.ChartService.Houses;

public enum HouseSystem : byte
{
    Placidus,
    Koch,
    Porphyry,
    Regiomontanus,
    Campanus,
    Equal,
    WholeSign,
    Alcabitius,
    Morinus,
    Topocentric,
    Meridian,
}

/// <summary>What to do where a quadrant system cannot be drawn (beyond 90° minus the obliquity).</summary>
public enum PolarHouses : byte
{
    Porphyry,
    WholeSign,
    Error,
}

public static class HouseSystems
{
    private static readonly string[] Names =
    [
        "placidus", "koch", "porphyry", "regiomontanus", "campanus", "equal", "wholeSign", "alcabitius", "morinus",
        "topocentric", "meridian",
    ];

    // swe_houses letters; 'X' is the axial-rotation (meridian) system.
    private static readonly char[] Letters = ['P', 'K', 'O', 'R', 'C', 'E', 'W', 'B', 'M', 'T', 'X'];

    private static readonly string[] PolarNames = ["porphyry", "wholeSign", "error"];

    public static IReadOnlyList<string> All => Names;

    public static IReadOnlyList<string> PolarChoices => PolarNames;

    public static string Name(HouseSystem system) => Names[(int)system];

    public static string Name(PolarHouses polar) => PolarNames[(int)polar];

    public static char Letter(HouseSystem system) => Letters[(int)system];

    /// <summary>Systems whose cusps stop existing inside the polar circles.</summary>
    public static bool FailsNearPoles(HouseSystem system) =>
        system is HouseSystem.Placidus or HouseSystem.Koch or HouseSystem.Topocentric;

    public static bool TryParse(string? name, out HouseSystem system)
    {
        var index = IndexOf(Names, name);
        system = (HouseSystem)Math.Max(index, 0);
        return index >= 0;
    }

    public static bool TryParse(string? name, out PolarHouses polar)
    {
        var index = IndexOf(PolarNames, name);
        polar = (PolarHouses)Math.Max(index, 0);
        return index >= 0;
    }

    private static int IndexOf(string[] names, string? name)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
