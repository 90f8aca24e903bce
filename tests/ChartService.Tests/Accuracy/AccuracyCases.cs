using System.Globalization;
using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Houses;
using ZodiaCore.ChartService.Time;

namespace ZodiaCore.ChartService.Tests.Accuracy;

/// <summary>One seeded comparison case: a UTC moment, a place, a house system and a zodiac.</summary>
public sealed record AccuracyCase(int Index, DateTime Utc, double Latitude, double Longitude, string HouseSystem, string? Ayanamsa)
{
    public NatalChartRequest ToRequest() => new(
        new BirthInput(Utc: Utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
        new LocationInput(Latitude, Longitude),
        new ChartOptions(HouseSystem: HouseSystem, Zodiac: Ayanamsa is null ? "tropical" : "sidereal", Ayanamsa: Ayanamsa));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"#{Index} {Utc:yyyy-MM-ddTHH:mm:ssZ} lat {Latitude:0.####} lon {Longitude:0.####} {HouseSystem} {Ayanamsa ?? "tropical"}");
}

/// <summary>Differences between the service and swetest for one or many cases, per quantity.</summary>
public sealed class AccuracyTally
{
    public const double Tolerance = 0.0001;

    public static readonly string[] Quantities = ["longitude", "speed", "cusp", "angle"];

    private readonly Dictionary<string, (double Max, string Where)> largest = [];

    public int Cases { get; private set; }

    public int Comparisons { get; private set; }

    public List<string> Failures { get; } = [];

    public IReadOnlyDictionary<string, (double Max, string Where)> Largest => largest;

    public void Compare(AccuracyCase c, ChartResponse chart, SwetestChart reference)
    {
        Cases++;
        foreach (var body in chart.Bodies)
        {
            var (lon, speed) = reference.Bodies[body.Name];
            Record(c, "longitude", body.Name, Math.Abs(Angles.SignedArc(lon, body.Longitude)));
            Record(c, "speed", body.Name, Math.Abs(speed - body.Speed));
        }

        for (var i = 0; i < 12; i++)
        {
            Record(c, "cusp", $"house {i + 1}", Math.Abs(Angles.SignedArc(reference.Cusps[i], chart.Houses!.Cusps[i])));
        }

        Record(c, "angle", "ascendant", Math.Abs(Angles.SignedArc(reference.Ascendant, chart.Angles!.Ascendant)));
        Record(c, "angle", "midheaven", Math.Abs(Angles.SignedArc(reference.Midheaven, chart.Angles.Midheaven)));
        Record(c, "angle", "vertex", Math.Abs(Angles.SignedArc(reference.Vertex, chart.Angles.Vertex)));
    }

    private void Record(AccuracyCase c, string quantity, string what, double difference)
    {
        Comparisons++;
        if (!largest.TryGetValue(quantity, out var current) || difference > current.Max || double.IsNaN(difference))
        {
            largest[quantity] = (difference, $"{what} in {c}");
        }

        if (!(difference <= Tolerance))
        {
            Failures.Add(string.Create(CultureInfo.InvariantCulture, $"{quantity} {what}: differs by {difference:E3}° in {c}"));
        }
    }
}

public static class AccuracyCases
{
    public const int Count = 242;

    public const int Seed = 20261125;

    private static readonly string[] Ayanamsas = ["lahiri", "faganBradley", "raman", "krishnamurti", "yukteshwar", "trueChitra"];

    /// <summary>Seeded: years 1800–2200, latitudes ±66, every house system with both zodiacs.</summary>
    public static List<AccuracyCase> Generate(int count = Count, int seed = Seed)
    {
        var random = new Random(seed);
        var start = new DateTime(1800, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var span = (new DateTime(2201, 1, 1, 0, 0, 0, DateTimeKind.Utc) - start).TotalSeconds;
        var systems = HouseSystems.All;
        var cases = new List<AccuracyCase>(count);
        for (var i = 0; i < count; i++)
        {
            var utc = start.AddSeconds(Math.Floor(random.NextDouble() * span));
            var latitude = Math.Round((random.NextDouble() * 132) - 66, 4);
            var longitude = Math.Round((random.NextDouble() * 360) - 180, 4);
            var system = systems[i % systems.Count];
            var sidereal = i / systems.Count % 2 == 1;
            cases.Add(new AccuracyCase(i, utc, latitude, longitude, system, sidereal ? Ayanamsas[i / 2 % Ayanamsas.Length] : null));
        }

        return cases;
    }

    public static char Letter(string houseSystem) =>
        HouseSystems.TryParse(houseSystem, out HouseSystem system) ? HouseSystems.Letter(system) : '?';

    public static int SiderealMode(string? ayanamsa) =>
        ayanamsa is not null && ChartService.Ephemeris.Ayanamsa.TryParse(ayanamsa, out _, out var mode) ? mode : -1;
}
