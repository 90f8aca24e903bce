using ZodiaCore.ChartService.Charts;

namespace ZodiaCore.ChartService.Aspects;

/// <summary>One aspect found between points <see cref="First"/> and <see cref="Second"/> (indexes into the caller's arrays).</summary>
// Orb: Separation minus the exact angle (signed).
// Motion: +1 applying, -1 separating, 0 when a point's speed is unknown.
public readonly record struct AspectHit(byte First, byte Second, AspectKind Kind, double Separation, double Orb, sbyte Motion);

public static class AspectFinder
{
    /// <summary>
    /// Aspects among the points of one chart (every pair once). Speeds may be NaN for points whose motion
    /// is not computed (the angles). Allocation-free; returns how many hits were written.
    /// </summary>
    public static int FindWithin(
        ReadOnlySpan<double> longitudes, ReadOnlySpan<double> speeds, ReadOnlySpan<AspectRule> rules, Span<AspectHit> hits)
    {
        var count = 0;
        for (var i = 0; i < longitudes.Length; i++)
        {
            for (var j = i + 1; j < longitudes.Length; j++)
            {
                if (TryMatch(longitudes[i], speeds[i], longitudes[j], speeds[j], rules, out var kind, out var separation, out var orb, out var motion))
                {
                    hits[count++] = new AspectHit((byte)i, (byte)j, kind, separation, orb, motion);
                }
            }
        }

        return count;
    }

    /// <summary>Aspects from every point of one set to every point of another (transits, synastry).</summary>
    public static int FindBetween(
        ReadOnlySpan<double> firstLongitudes, ReadOnlySpan<double> firstSpeeds,
        ReadOnlySpan<double> secondLongitudes, ReadOnlySpan<double> secondSpeeds,
        ReadOnlySpan<AspectRule> rules, Span<AspectHit> hits)
    {
        var count = 0;
        for (var i = 0; i < firstLongitudes.Length; i++)
        {
            for (var j = 0; j < secondLongitudes.Length; j++)
            {
                if (TryMatch(firstLongitudes[i], firstSpeeds[i], secondLongitudes[j], secondSpeeds[j], rules, out var kind, out var separation, out var orb, out var motion))
                {
                    hits[count++] = new AspectHit((byte)i, (byte)j, kind, separation, orb, motion);
                }
            }
        }

        return count;
    }

    /// <summary>The tightest rule within orb for one pair (orb boundary inclusive).</summary>
    public static bool TryMatch(
        double longitudeA, double speedA, double longitudeB, double speedB, ReadOnlySpan<AspectRule> rules,
        out AspectKind kind, out double separation, out double orb, out sbyte motion)
    {
        var arc = Angles.SignedArc(longitudeA, longitudeB);
        separation = Math.Abs(arc);
        var found = false;
        var best = double.MaxValue;
        kind = default;
        orb = 0;
        foreach (var rule in rules)
        {
            var d = separation - rule.Angle;
            var abs = Math.Abs(d);
            if (abs <= rule.Orb && abs < best)
            {
                best = abs;
                kind = rule.Kind;
                orb = d;
                found = true;
            }
        }

        motion = found ? Motion(arc, orb, speedB - speedA) : (sbyte)0;
        return found;
    }

    private static sbyte Motion(double arc, double orb, double relativeSpeed)
    {
        if (double.IsNaN(relativeSpeed))
        {
            return 0;
        }

        // d|arc|/dt = sign(arc)·(vB − vA); the orb closes when that rate has the opposite sign of the orb.
        var separationRate = arc >= 0 ? relativeSpeed : -relativeSpeed;
        var orbRate = orb >= 0 ? separationRate : -separationRate;
        if (orb == 0)
        {
            return -1;
        }

        return orbRate < 0 ? (sbyte)1 : (sbyte)-1;
    }
}
