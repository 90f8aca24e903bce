using NodaTime;
using ZodiaCore.ChartService.Ephemeris;

namespace ZodiaCore.ChartService.Time;

public static class JulianDay
{
    public const string TimeScale =
        "UT taken as civil UTC, as swetest -ut does: swe_julday on the Gregorian calendar with the UTC clock time; DUT1 (under 0.9 s) is ignored.";

    /// <summary>Julian day (UT) of the instant, the way <c>swetest -ut</c> derives it from a date and clock time.</summary>
    public static double FromInstant(Instant instant)
    {
        var utc = instant.InUtc().LocalDateTime;
        var hour = utc.Hour + (utc.Minute / 60.0) + ((utc.Second + (utc.NanosecondOfSecond / 1e9)) / 3600.0);
        return SwissEphemeris.JulianDay(utc.Year, utc.Month, utc.Day, hour);
    }
}
