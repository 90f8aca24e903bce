using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Ephemeris;

namespace ZodiaCore.ChartService.Tests;

/// <summary>One engine over the installed ephemeris files, shared by the tests.</summary>
internal static class Engine
{
    public static readonly SwissEphemeris Ephemeris = new(EphemerisOptions.DefaultPath);

    public static readonly ChartEngine Core = new(Ephemeris);

    public static readonly NatalChartBuilder Builder = new(Core);
}
