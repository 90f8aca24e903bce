namespace ZodiaCore.ChartService.Charts;

/// <summary>The 27 lunar mansions of 13°20' each, four padas apiece, counted from sidereal 0° Aries.</summary>
public static class Nakshatras
{
    private const double Span = 360.0 / 27.0;

    private static readonly string[] Names =
    [
        "Ashwini", "Bharani", "Krittika", "Rohini", "Mrigashira", "Ardra", "Punarvasu", "Pushya", "Ashlesha", "Magha",
        "Purva Phalguni", "Uttara Phalguni", "Hasta", "Chitra", "Swati", "Vishakha", "Anuradha", "Jyeshtha", "Mula",
        "Purva Ashadha", "Uttara Ashadha", "Shravana", "Dhanishta", "Shatabhisha", "Purva Bhadrapada",
        "Uttara Bhadrapada", "Revati",
    ];

    public static (string Name, int Pada) Of(double siderealLongitude)
    {
        var index = Math.Min((int)(siderealLongitude / Span), 26);
        var within = siderealLongitude - (index * Span);
        var pada = Math.Min((int)(within / (Span / 4)) + 1, 4);
        return (Names[index], pada);
    }
}
