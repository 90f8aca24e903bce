namespace ZodiaCore.ChartService.Ephemeris;

/// <summary>Flag and body numbers from swephexp.h (facts of the library's ABI).</summary>
internal static class SweConstants
{
    internal const int FlagSwissEphemeris = 2;
    internal const int FlagMoshier = 4;
    internal const int FlagSpeed = 256;
    internal const int FlagTopocentric = 32 * 1024;
    internal const int FlagSidereal = 64 * 1024;
    internal const int GregorianCalendar = 1;
    internal const int EclipticNutation = -1;
}
