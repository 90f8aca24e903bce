using NodaTime;

namespace ZodiaCore.ChartService.Time;

/// <summary>Years covered by the swe-standard-data files (seplm54 … sepl_48).</summary>
public static class SupportedRange
{
    public const int MinYear = -5400;
    public const int MaxYear = 5399;

    public static string Description => $"{MinYear} to {MaxYear}";

    /// <summary>
    /// Whether an instant written with an offset falls in the range. The range bounds the instant, and the year written
    /// beside an offset can be the one before or after its UTC year; far outside the range the instant is not computed
    /// at all, as it may not be representable.
    /// </summary>
    public static bool Contains(OffsetDateTime written) =>
        written.Year is >= MinYear - 1 and <= MaxYear + 1
        && written.ToInstant().InUtc().Year is >= MinYear and <= MaxYear;
}
