using ZodiaCore.ChartService.Aspects;
using ZodiaCore.ChartService.Ephemeris;
using ZodiaCore.ChartService.Houses;

namespace ZodiaCore.ChartService.Charts;

/// <summary>
/// The compute core: positions, houses and aspects of one chart into a <see cref="ChartFrame"/>.
/// Thread-safe: every calling thread gets its own library settings.
/// </summary>
public sealed class ChartEngine(SwissEphemeris ephemeris)
{
    public const int PositionFlags = SweConstants.FlagSwissEphemeris | SweConstants.FlagSpeed;

    public const sbyte AscendantPoint = -1;

    public const sbyte MidheavenPoint = -2;

    public SwissEphemeris Ephemeris { get; } = ephemeris;

    public static int FlagsFor(int siderealMode, bool topocentric) =>
        PositionFlags
        | (siderealMode >= 0 ? SweConstants.FlagSidereal : 0)
        | (topocentric ? SweConstants.FlagTopocentric : 0);

    public void Compute(in ChartFrameRequest request, ChartFrame frame)
    {
        Ephemeris.PrepareThread(request.SiderealMode);
        if (request.Topocentric)
        {
            SwissEphemeris.PrepareTopocentric(request.Longitude, request.Latitude, request.Altitude);
        }

        var flags = FlagsFor(request.SiderealMode, request.Topocentric);
        var jd = request.JulianDayUt;
        frame.JulianDayUt = jd;

        var bodies = request.Bodies;
        var bodyBuffer = frame.BodyBuffer;
        var positions = frame.PositionBuffer;
        var returned = frame.FlagBuffer;
        var moshier = false;
        var failed = false;
        for (var i = 0; i < bodies.Length; i++)
        {
            var rc = SwissEphemeris.Calculate(jd, bodies[i], flags, out positions[i]);
            bodyBuffer[i] = bodies[i];
            returned[i] = rc;
            failed |= rc < 0;
            moshier |= rc >= 0 && (rc & SweConstants.FlagSwissEphemeris) == 0;
        }

        frame.BodyCount = bodies.Length;
        frame.UsedMoshier = moshier;
        frame.AnyBodyFailed = failed;

        frame.HasHouses = request.WithHouses;
        if (request.WithHouses)
        {
            frame.Houses = HouseCalculator.Compute(
                jd, request.Latitude, request.Longitude, request.HouseSystem, request.SiderealMode >= 0,
                request.PolarHouses, frame.Cusps, frame.AscMc);
        }

        var longitudes = frame.PointLongitudeBuffer;
        var speeds = frame.PointSpeedBuffer;
        var owners = frame.PointBodyBuffer;
        var points = 0;
        for (var i = 0; i < bodies.Length; i++)
        {
            if (returned[i] >= 0 && (request.AspectBodyMask & (1u << (int)bodies[i])) != 0)
            {
                longitudes[points] = positions[i].Longitude;
                speeds[points] = positions[i].Speed;
                owners[points++] = (sbyte)i;
            }
        }

        if (request.WithHouses && request.AnglesInAspects && !frame.Houses.PolarRefused)
        {
            var ascmc = frame.AscMc;
            longitudes[points] = ascmc[0];
            speeds[points] = double.NaN;
            owners[points++] = AscendantPoint;
            longitudes[points] = ascmc[1];
            speeds[points] = double.NaN;
            owners[points++] = MidheavenPoint;
        }

        frame.PointCount = points;
        frame.AspectCount = AspectFinder.FindWithin(
            longitudes.AsSpan(0, points), speeds.AsSpan(0, points), request.AspectRules, frame.AspectBuffer);
    }
}
