// Compares the chart engine with swetest on the seeded accuracy cases and writes docs/ACCURACY.md.
// Usage: dotnet run --project tools/AccuracyReport -- [output path] [case count]
using System.Globalization;
using System.Text;
using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Ephemeris;
using ZodiaCore.ChartService.Tests.Accuracy;
using ZodiaCore.FieldEncryption;

var output = args.Length > 0 ? args[0] : Path.Combine(FindRepositoryRoot(), "docs", "ACCURACY.md");
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : AccuracyCases.Count;

if (!SwetestReference.Available)
{
    Console.Error.WriteLine($"{SwetestReference.Executable} not found: apt-get install swetest");
    return 2;
}

if (!SwissEphemeris.LibraryAvailable)
{
    Console.Error.WriteLine(SwissEphemeris.LibraryError);
    return 2;
}

var ephemeris = new SwissEphemeris(EphemerisOptions.DefaultPath);
// Any key: the report compares positions, never content ids.
var builder = new NatalChartBuilder(new ChartEngine(ephemeris), new ContentId(new ContentHasher(new EncryptionKeyRing(EncryptionKey.Generate()))));
var tally = new AccuracyTally();
var systems = new SortedDictionary<string, int>(StringComparer.Ordinal);
var zodiacs = new SortedDictionary<string, int>(StringComparer.Ordinal);
foreach (var c in AccuracyCases.Generate(count))
{
    var chart = builder.Build(c.ToRequest()).Value ?? throw new InvalidOperationException($"no chart for {c}");
    var reference = SwetestReference.Run(
        c.Utc, c.Latitude, c.Longitude, AccuracyCases.Letter(c.HouseSystem), AccuracyCases.SiderealMode(c.Ayanamsa), ephemeris.EphemerisPath);
    tally.Compare(c, chart, reference);
    systems[c.HouseSystem] = systems.GetValueOrDefault(c.HouseSystem) + 1;
    var zodiac = c.Ayanamsa is null ? "tropical" : $"sidereal ({c.Ayanamsa})";
    zodiacs[zodiac] = zodiacs.GetValueOrDefault(zodiac) + 1;
}

var inv = CultureInfo.InvariantCulture;
var md = new StringBuilder();
md.AppendLine("# Chart accuracy against swetest");
md.AppendLine();
md.AppendLine(inv, $"Generated {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `dotnet run --project tools/AccuracyReport` (Swiss Ephemeris library {SwissEphemeris.LibraryVersion}, ephemeris files in `{ephemeris.EphemerisPath}`, reference `{SwetestReference.Executable}` run once per case).");
md.AppendLine();
md.AppendLine(inv, $"- Cases compared: **{tally.Cases}** (seed {AccuracyCases.Seed}; UTC moments 1800–2200, latitudes ±66°, longitudes ±180°), {tally.Comparisons} quantities in all.");
md.AppendLine(inv, $"- Tolerance: {AccuracyTally.Tolerance}° for every quantity. Failures: **{tally.Failures.Count}**.");
md.AppendLine("- Julian day: civil UTC taken as UT through `swe_julday`, as `swetest -ut` does. swetest prints 7 decimals, so differences up to 5e-8° are its rounding.");
md.AppendLine();
md.AppendLine("| Quantity | Largest difference (°) | Where |");
md.AppendLine("|---|---|---|");
foreach (var quantity in AccuracyTally.Quantities)
{
    if (tally.Largest.TryGetValue(quantity, out var largest))
    {
        md.AppendLine(inv, $"| {quantity} | {largest.Max:E2} | {largest.Where} |");
    }
}

md.AppendLine();
md.AppendLine("Longitude and speed cover the 14 default bodies (Sun … Pluto, mean and true node, Chiron, mean Lilith); cusps all twelve; angles the Ascendant, MC and Vertex.");
md.AppendLine();
md.AppendLine("| House system | Cases |");
md.AppendLine("|---|---|");
foreach (var (system, n) in systems)
{
    md.AppendLine(inv, $"| {system} | {n} |");
}

md.AppendLine();
md.AppendLine("| Zodiac | Cases |");
md.AppendLine("|---|---|");
foreach (var (zodiac, n) in zodiacs)
{
    md.AppendLine(inv, $"| {zodiac} | {n} |");
}

if (tally.Failures.Count > 0)
{
    md.AppendLine();
    md.AppendLine("## Failures");
    foreach (var failure in tally.Failures.Take(50))
    {
        md.AppendLine(inv, $"- {failure}");
    }
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
File.WriteAllText(output, md.ToString());
Console.WriteLine($"{tally.Cases} cases, {tally.Failures.Count} failures -> {output}");
return tally.Failures.Count == 0 ? 0 : 1;

static string FindRepositoryRoot()
{
    var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ZodiaCore.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? Directory.GetCurrentDirectory();
}
