using System.Globalization;
using ZodiaCore.InterpretationService.Charts;

namespace ZodiaCore.InterpretationService.Tests;

/// <summary>Charts built by hand for the tests, in ChartService's output shape.</summary>
internal static class TestCharts
{
    public static readonly (string Kind, double Angle, double Orb)[] MajorAspects =
    [
        ("conjunction", 0, 8), ("opposition", 180, 8), ("trine", 120, 8), ("square", 90, 7), ("sextile", 60, 6),
    ];

    /// <summary>A fixed chart: Cancer rising, Pisces midheaven; placements chosen so every major aspect kind occurs.</summary>
    public static ChartFacts Natal(string contentId = "fixed-natal-1") => new(
        Bodies:
        [
            Body("sun", ZodiacSign.Taurus, 24.12, 11),
            Body("moon", ZodiacSign.Aries, 3.5, 10),
            Body("mercury", ZodiacSign.Gemini, 10.2, 12, retrograde: true),
            Body("venus", ZodiacSign.Aries, 28.0, 10),
            Body("mars", ZodiacSign.Pisces, 17.3, 9),
            Body("jupiter", ZodiacSign.Cancer, 2.0, 12),
            Body("saturn", ZodiacSign.Capricorn, 23.8, 7, retrograde: true),
            Body("uranus", ZodiacSign.Capricorn, 8.4, 7, retrograde: true),
            Body("neptune", ZodiacSign.Capricorn, 14.0, 7, retrograde: true),
            Body("pluto", ZodiacSign.Scorpio, 16.5, 5, retrograde: true),
            Body("meanNode", ZodiacSign.Aquarius, 14.3, 8, retrograde: true),
            Body("trueNode", ZodiacSign.Aquarius, 12.9, 8, retrograde: true),
            Body("chiron", ZodiacSign.Cancer, 20.0, 1),
            Body("lilith", ZodiacSign.Libra, 9.0, 4),
        ],
        Houses: EqualHouses(95.5),
        Angles: new ChartAngles(Ascendant: 95.5, Midheaven: 345.0, Descendant: 275.5, ImumCoeli: 165.0),
        Aspects:
        [
            new("sun", "saturn", "trine", 120.32, 0.32, Applying: true),
            new("mars", "pluto", "trine", 120.8, 0.8, Applying: false),
            new("meanNode", "trueNode", "conjunction", 1.4, 1.4, Applying: false),
            new("chiron", "pluto", "trine", 116.5, 3.5, Applying: true),
            new("venus", "jupiter", "sextile", 64.0, 4.0, Applying: true),
            new("moon", "uranus", "square", 85.1, 4.9, Applying: false),
            new("uranus", "neptune", "conjunction", 5.6, 5.6, Applying: true),
            new("mercury", "pluto", "quincunx", 156.3, 6.3, Applying: false),
            new("jupiter", "uranus", "opposition", 173.6, 6.4, Applying: false),
        ],
        ChartRuler: new ChartRuler("moon", "Cancer", "Aries", 10),
        ContentId: contentId);

    /// <summary>The same birth without a time: no houses, no angles, yet stray house numbers in the bodies must not leak.</summary>
    public static ChartFacts TimeUnknown() => Natal() with
    {
        Houses = null,
        Angles = null,
        ChartRuler = null,
        TimeUnknown = true,
        ContentId = "fixed-natal-time-unknown",
    };

    /// <summary>All fourteen bodies in one sign, spread over the houses.</summary>
    public static ChartFacts AllBodiesInSign(ZodiacSign sign) => new(
        Bodies: BodyNames.All.Select((name, i) => Body(name, sign, 1.5 + (2 * i), (i % 12) + 1)).ToList(),
        Houses: EqualHouses(0),
        Angles: new ChartAngles(0, 270),
        ContentId: "all-in-" + sign);

    /// <summary>All fourteen bodies in one house, spread over the signs.</summary>
    public static ChartFacts AllBodiesInHouse(int house) => new(
        Bodies: BodyNames.All.Select((name, i) => Body(name, (ZodiacSign)(i % 12), 10, house)).ToList(),
        Houses: EqualHouses(0),
        Angles: new ChartAngles(0, 270),
        ContentId: "all-in-house-" + house.ToString(CultureInfo.InvariantCulture));

    /// <summary>A random but consistent chart: equal houses from a random ascendant, aspects found with the default orbs.</summary>
    public static ChartFacts Random(int seed, bool timeUnknown = false)
    {
        var random = new Random(seed);
        var ascendant = random.NextDouble() * 360.0;
        var bodies = BodyNames.All.Select(name =>
        {
            var longitude = random.NextDouble() * 360.0;
            var house = timeUnknown ? (int?)null : (int)(Normalise(longitude - ascendant) / 30.0) + 1;
            return new BodyPosition(name, longitude, random.NextDouble() - 0.2, random.Next(5) == 0,
                ZodiacSigns.FromLongitude(longitude), longitude % 30.0, House: house);
        }).ToList();

        var aspects = new List<ChartAspect>();
        for (var i = 0; i < bodies.Count; i++)
        {
            for (var j = i + 1; j < bodies.Count; j++)
            {
                var separation = Normalise(bodies[i].Longitude - bodies[j].Longitude);
                separation = separation > 180 ? 360 - separation : separation;
                foreach (var (kind, angle, orb) in MajorAspects)
                {
                    if (Math.Abs(separation - angle) <= orb)
                    {
                        aspects.Add(new ChartAspect(bodies[i].Name, bodies[j].Name, kind, separation, Math.Abs(separation - angle), random.Next(2) == 0));
                    }
                }
            }
        }

        return new ChartFacts(
            bodies,
            timeUnknown ? null : EqualHouses(ascendant),
            timeUnknown ? null : new ChartAngles(ascendant, Normalise(ascendant + 270 + (random.NextDouble() * 40) - 20)),
            aspects,
            ContentId: "random-" + seed.ToString(CultureInfo.InvariantCulture),
            TimeUnknown: timeUnknown);
    }

    public static BodyPosition Body(string name, ZodiacSign sign, double degree, int? house, bool retrograde = false) =>
        new(name, ((int)sign * 30) + degree, retrograde ? -0.05 : 0.5, retrograde, sign, degree,
            Formatted: null, House: house);

    private static HouseCusps EqualHouses(double ascendant) =>
        new("equal", "equal", Enumerable.Range(0, 12).Select(i => Normalise(ascendant + (30.0 * i))).ToList());

    private static double Normalise(double degrees) => ((degrees % 360.0) + 360.0) % 360.0;
}
