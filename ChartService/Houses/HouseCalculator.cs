using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Ephemeris;

namespace ZodiaCore.ChartService.Houses;

/// <summary>How the houses of one chart came out.</summary>
public readonly record struct HouseOutcome(HouseSystem SystemUsed, bool PolarFallback, bool PolarRefused);

public static class HouseCalculator
{
    /// <summary>
    /// Cusps (1-based, 13 slots) and ascmc (10 slots) for the system, in the chart's zodiac. Inside the
    /// polar circles Placidus, Koch and Topocentric fall back per <paramref name="polar"/>.
    /// </summary>
    public static HouseOutcome Compute(
        double julianDayUt, double latitude, double longitude, HouseSystem system, bool sidereal, PolarHouses polar,
        Span<double> cusps, Span<double> ascmc)
    {
        var flags = sidereal ? SweConstants.FlagSidereal : 0;
        var rc = SwissEphemeris.Houses(julianDayUt, flags, latitude, longitude, HouseSystems.Letter(system), cusps, ascmc);
        if (!HouseSystems.FailsNearPoles(system))
        {
            return new HouseOutcome(system, false, false);
        }

        // The library reports Placidus/Koch failure itself (and draws Porphyry); Topocentric it draws regardless.
        var isPolar = rc < 0 || (system == HouseSystem.Topocentric && Math.Abs(latitude) > 60 && Math.Abs(latitude) >= 90 - SwissEphemeris.Obliquity(julianDayUt));
        if (!isPolar)
        {
            return new HouseOutcome(system, false, false);
        }

        if (polar == PolarHouses.Error)
        {
            return new HouseOutcome(system, false, true);
        }

        var fallback = polar == PolarHouses.WholeSign ? HouseSystem.WholeSign : HouseSystem.Porphyry;
        if (rc >= 0 || fallback != HouseSystem.Porphyry)
        {
            SwissEphemeris.Houses(julianDayUt, flags, latitude, longitude, HouseSystems.Letter(fallback), cusps, ascmc);
        }

        return new HouseOutcome(fallback, true, false);
    }

    /// <summary>The house (1–12) holding the longitude, given 1-based cusps.</summary>
    public static int HouseOf(double longitude, ReadOnlySpan<double> cusps)
    {
        for (var house = 1; house <= 12; house++)
        {
            var start = cusps[house];
            var end = cusps[house == 12 ? 1 : house + 1];
            var width = Angles.Normalize(end - start);
            if (Angles.Normalize(longitude - start) < width)
            {
                return house;
            }
        }

        // Only degenerate cusps (all equal) get here.
        return 1;
    }
}
