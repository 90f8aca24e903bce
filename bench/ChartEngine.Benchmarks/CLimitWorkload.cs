using ZodiaCore.ChartService.Aspects;
using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Ephemeris;
using ZodiaCore.ChartService.Houses;
using ZodiaCore.ChartService.Time;

namespace ZodiaCore.ChartEngine.Benchmarks;

/// <summary>
/// The c-limit peer's exact workload: its inputs (splitmix64, seed 20240521: UT 1900–2101, latitude ±60,
/// longitude ±180, whole seconds), its 14 bodies, Placidus, and its aspects among 14 bodies + Asc + MC
/// (conjunction 8, sextile 6, square 8, trine 8, opposition 8).
/// </summary>
public static class CLimitWorkload
{
    public const ulong Seed = 20240521UL;

    public static readonly AspectRule[] Rules =
    [
        AspectKinds.Rule(AspectKind.Conjunction, 8), AspectKinds.Rule(AspectKind.Sextile, 6), AspectKinds.Rule(AspectKind.Square, 8),
        AspectKinds.Rule(AspectKind.Trine, 8), AspectKinds.Rule(AspectKind.Opposition, 8),
    ];

    private static readonly Body[] Bodies = BodyCatalog.Defaults.ToArray();

    public static ChartFrameRequest[] Inputs(int count, ulong seed = Seed, bool sidereal = false)
    {
        var jd0 = SwissEphemeris.JulianDay(1900, 1, 1, 0.0);
        var jd1 = SwissEphemeris.JulianDay(2101, 1, 1, 0.0);
        var state = seed;
        var inputs = new ChartFrameRequest[count];
        for (var i = 0; i < count; i++)
        {
            var seconds = Math.Floor(Uniform(ref state) * (jd1 - jd0) * 86400.0);
            var latitude = -60.0 + (120.0 * Uniform(ref state));
            var longitude = -180.0 + (360.0 * Uniform(ref state));
            inputs[i] = new ChartFrameRequest(
                jd0 + (seconds / 86400.0), latitude, longitude, 0, Bodies, Rules, HouseSystem.Placidus,
                SiderealMode: sidereal ? 1 : -1);
        }

        return inputs;
    }

    /// <summary>The same inputs as service requests (UTC instants, whole seconds) for the full default chart.</summary>
    public static NatalChartRequest[] Requests(int count, ulong seed = Seed)
    {
        var jd0 = SwissEphemeris.JulianDay(1900, 1, 1, 0.0);
        var jd1 = SwissEphemeris.JulianDay(2101, 1, 1, 0.0);
        var start = new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var state = seed;
        var requests = new NatalChartRequest[count];
        for (var i = 0; i < count; i++)
        {
            var seconds = Math.Floor(Uniform(ref state) * (jd1 - jd0) * 86400.0);
            var latitude = -60.0 + (120.0 * Uniform(ref state));
            var longitude = -180.0 + (360.0 * Uniform(ref state));
            var utc = start.AddSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            requests[i] = new NatalChartRequest(new BirthInput(Utc: utc), new LocationInput(latitude, longitude));
        }

        return requests;
    }

    private static double Uniform(ref ulong state)
    {
        // splitmix64, as in c-limit/bench.c, so both sides compute the same charts.
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / 9007199254740992.0);
    }
}
