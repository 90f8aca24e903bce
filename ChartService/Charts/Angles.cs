namespace ZodiaCore.ChartService.Charts;

public static class Angles
{
    /// <summary>Degrees folded into [0, 360).</summary>
    public static double Normalize(double degrees)
    {
        var d = degrees % 360.0;
        if (d < 0)
        {
            d += 360.0;
        }

        return d >= 360.0 ? 0.0 : d;
    }

    /// <summary>Signed shortest arc from <paramref name="from"/> to <paramref name="to"/>, in (-180, 180].</summary>
    public static double SignedArc(double from, double to)
    {
        var d = Normalize(to - from);
        return d > 180.0 ? d - 360.0 : d;
    }
}
