// `--quick [N] [REPS]` times c-limit's workload the way c-limit does (warm-up, then the median of REPS passes over
// N distinct charts on one thread) so the two can run back to back; anything else goes to BenchmarkDotNet.
using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using ZodiaCore.ChartEngine.Benchmarks;
using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Ephemeris;
using ZodiaCore.FieldEncryption;

if (args.Length > 0 && args[0] == "--parts")
{
    // Where the full chart spends its time beyond c-limit's workload, one part at a time.
    var engine = new ChartEngine(new SwissEphemeris(EphemerisOptions.DefaultPath));
    var contentIds = new ContentId(new ContentHasher(new EncryptionKeyRing(EncryptionKey.Generate())));
    var builder = new NatalChartBuilder(engine, contentIds);
    var requests = CLimitWorkload.Requests(5000);
    var inputs = CLimitWorkload.Inputs(5000);
    var frame = new ChartFrame();
    void Time(string name, Action<int> action)
    {
        for (var i = 0; i < 5000; i++)
        {
            action(i);
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 5000; i++)
        {
            action(i);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {watch.Elapsed.TotalMicroseconds / 5000:0.00} us"));
    }

    Time("core", i => engine.Compute(inputs[i], frame));
    Time("prepare", i => builder.Prepare(requests[i], ""));
    var prepared = requests.Select(r => builder.Prepare(r, "").Value!).ToArray();
    Time("compose", i => builder.Compose(prepared[i]));
    Time("deltaT", i => SwissEphemeris.DeltaT(inputs[i].JulianDayUt, ChartEngine.PositionFlags));
    Time("build", i => builder.Build(requests[i]));
    Time("resolve", i => ZodiaCore.ChartService.Time.BirthMomentResolver.Resolve(requests[i].Birth, engine.Ephemeris.Years));
    Time("contentId", i => contentIds.Of(prepared[i].Moment, prepared[i].Location, prepared[i].Settings));
    Time("format14", i => { for (var k = 0; k < 14; k++) { Zodiac.Format(k * 25.3); } });
    var lons = new double[] { 10, 50, 100, 130, 200, 250, 290, 310, 340, 355 };
    Time("patterns", i => ZodiaCore.ChartService.Aspects.PatternFinder.Find(lons, ZodiaCore.ChartService.Aspects.AspectKinds.MajorRules));
    return 0;
}

if (args.Length > 0 && args[0] == "--quick")
{
    var n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20000;
    var reps = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
    var sidereal = args.Contains("--sidereal");
    var full = args.Contains("--full");
    var engine = new ChartEngine(new SwissEphemeris(EphemerisOptions.DefaultPath));
    var builder = new NatalChartBuilder(engine, new ContentId(new ContentHasher(new EncryptionKeyRing(EncryptionKey.Generate()))));
    var inputs = CLimitWorkload.Inputs(n, sidereal: sidereal);
    var requests = full ? CLimitWorkload.Requests(n) : [];
    var frame = new ChartFrame();
    var checksum = 0.0;

    void Pass(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (full)
            {
                checksum += builder.Build(requests[i]).Value!.Aspects.Count;
            }
            else
            {
                engine.Compute(inputs[i], frame);
                checksum += frame.Positions[1].Longitude + frame.Cusps[1] + frame.AspectCount;
            }
        }
    }

    // One untimed pass over the same inputs, as c-limit does, so both processes do the same work from start to exit
    // and their whole-run CPU time can be compared too (bench/engine.sh).
    Pass(n);
    var rates = new double[reps];
    for (var r = 0; r < reps; r++)
    {
        checksum = 0;
        var watch = Stopwatch.StartNew();
        Pass(n);
        rates[r] = n / watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rep {r + 1}: {rates[r]:0} charts/s ({1e6 / rates[r]:0.00} us/chart)"));
    }

    Array.Sort(rates);
    var median = rates[reps / 2];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"RESULT dotnet mode={(full ? "full-default-chart" : "c-limit-workload")}{(sidereal ? "+sidereal" : "")} charts_per_s={median:0} us_per_chart={1e6 / median:0.00} checksum={checksum:0.000000}"));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(ChartEngineBenchmarks).Assembly).Run(args);
return 0;
