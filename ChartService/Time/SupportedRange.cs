namespace ZodiaCore.ChartService.Time;

/// <summary>Years covered by the swe-standard-data files (seplm54 … sepl_48).</summary>
public static class SupportedRange
{
    public const int MinYear = -5400;
    public const int MaxYear = 5399;

    public static string Description => $"{MinYear} to {MaxYear}";
}
