namespace ZodiaCore.ChartService.Ephemeris;

/// <summary>
/// What this thread last told the library. libswe keeps its settings in thread-local storage, and
/// re-setting the path on every call closes and reopens the files (about 50% slower per chart).
/// </summary>
internal static class EphemerisThreadSettings
{
    [ThreadStatic]
    private static string? path;

    [ThreadStatic]
    private static int siderealModePlusOne;

    [ThreadStatic]
    private static bool topoSet;

    [ThreadStatic]
    private static double topoLongitude;

    [ThreadStatic]
    private static double topoLatitude;

    [ThreadStatic]
    private static double topoAltitude;

    internal static void EnsurePath(string ephemerisPath)
    {
        if (ReferenceEquals(path, ephemerisPath))
        {
            return;
        }

        SwissEphNative.SetEphePath(ephemerisPath);
        path = ephemerisPath;

        // A new path resets the library's file state; do not trust the other markers after it.
        siderealModePlusOne = 0;
        topoSet = false;
    }

    internal static void EnsureSiderealMode(int mode)
    {
        if (siderealModePlusOne == mode + 1)
        {
            return;
        }

        SwissEphNative.SetSidMode(mode, 0, 0);
        siderealModePlusOne = mode + 1;
    }

    internal static void EnsureTopocentric(double longitude, double latitude, double altitude)
    {
        if (topoSet && topoLongitude == longitude && topoLatitude == latitude && topoAltitude == altitude)
        {
            return;
        }

        SwissEphNative.SetTopo(longitude, latitude, altitude);
        topoSet = true;
        topoLongitude = longitude;
        topoLatitude = latitude;
        topoAltitude = altitude;
    }
}
