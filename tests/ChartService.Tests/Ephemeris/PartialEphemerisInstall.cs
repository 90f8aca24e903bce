using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Ephemeris;

namespace ZodiaCore.ChartService.Tests.Ephemeris;

/// <summary>
/// An install holding only the planet and moon files of 1800 to 2399 (as the README's "copy the years you need" gives),
/// with its own engine. libswe's path is per thread and the engine sets it before each chart, so the tests computing
/// with the full install on the same threads are not disturbed.
/// </summary>
public sealed class PartialEphemerisInstall : IDisposable
{
    private readonly EphemerisFolder folder = EphemerisFolder.Linking("sepl_18.se1", "semo_18.se1");

    public PartialEphemerisInstall()
    {
        Ephemeris = new SwissEphemeris(folder.Path);
        Builder = new NatalChartBuilder(new ChartEngine(Ephemeris), Engine.ContentIds);
    }

    public string Path => folder.Path;

    public SwissEphemeris Ephemeris { get; }

    public NatalChartBuilder Builder { get; }

    public void Dispose() => folder.Dispose();
}
