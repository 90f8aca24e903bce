namespace ZodiaCore.ChartService.Ephemeris;

/// <summary>Names the API accepts for sidereal modes, mapped to the library's SE_SIDM_* numbers.</summary>
public static class Ayanamsa
{
    public const string Default = "lahiri";

    private static readonly (string Name, int Mode)[] Modes =
    [
        ("faganBradley", 0),
        ("lahiri", 1),
        ("deLuce", 2),
        ("raman", 3),
        ("ushashashi", 4),
        ("krishnamurti", 5),
        ("djwhalKhul", 6),
        ("yukteshwar", 7),
        ("jnBhasin", 8),
        ("trueChitra", 27),
        ("trueRevati", 28),
        ("truePushya", 29),
    ];

    public static IEnumerable<string> Names => Modes.Select(m => m.Name);

    public static bool TryParse(string? name, out string canonical, out int mode)
    {
        foreach (var (n, m) in Modes)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            {
                canonical = n;
                mode = m;
                return true;
            }
        }

        canonical = "";
        mode = -1;
        return false;
    }
}
