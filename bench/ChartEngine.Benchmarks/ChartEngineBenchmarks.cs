using BenchmarkDotNet.Attributes;
using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Ephemeris;
using ZodiaCore.FieldEncryption;

namespace ZodiaCore.ChartEngine.Benchmarks;

/// <summary>One thread, distinct inputs: c-limit's workload, and the full default chart response beside it.</summary>
[MemoryDiagnoser]
public class ChartEngineBenchmarks
{
    public const int Charts = 2000;

    private readonly ChartFrame frame = new();
    private ChartService.Charts.ChartEngine engine = null!;
    private NatalChartBuilder builder = null!;
    private ChartFrameRequest[] inputs = [];
    private NatalChartRequest[] requests = [];

    [GlobalSetup]
    public void Setup()
    {
        engine = new ChartService.Charts.ChartEngine(new SwissEphemeris(EphemerisOptions.DefaultPath));
        builder = new NatalChartBuilder(engine, new ContentId(new ContentHasher(new EncryptionKeyRing(EncryptionKey.Generate()))));
        inputs = CLimitWorkload.Inputs(Charts);
        requests = CLimitWorkload.Requests(Charts);
    }

    [Benchmark(OperationsPerInvoke = Charts, Baseline = true)]
    public double CLimitWorkloadChart()
    {
        var checksum = 0.0;
        for (var i = 0; i < inputs.Length; i++)
        {
            engine.Compute(inputs[i], frame);
            checksum += frame.Positions[1].Longitude + frame.Cusps[1] + frame.AspectCount;
        }

        return checksum;
    }

    [Benchmark(OperationsPerInvoke = Charts)]
    public int FullDefaultChartResponse()
    {
        var aspects = 0;
        for (var i = 0; i < requests.Length; i++)
        {
            aspects += builder.Build(requests[i]).Value!.Aspects.Count;
        }

        return aspects;
    }
}
