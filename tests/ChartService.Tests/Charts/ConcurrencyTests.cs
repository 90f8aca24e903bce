using ZodiaCore.ChartService.Aspects;
using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Ephemeris;
using ZodiaCore.ChartService.Houses;

namespace ZodiaCore.ChartService.Tests.Charts;

public sealed class ConcurrencyTests
{
    private const int Threads = 8;
    private const int ChartsPerThread = 5000;

    [Fact]
    public void Eight_threads_of_five_thousand_charts_equal_the_single_threaded_results_bit_for_bit()
    {
        var inputs = Inputs(ChartsPerThread, 424242);
        var expected = new double[ChartsPerThread][];
        var frame = new ChartFrame();
        for (var i = 0; i < inputs.Length; i++)
        {
            Engine.Core.Compute(inputs[i], frame);
            expected[i] = Fingerprint(frame);
        }

        var mismatches = new int[Threads];
        var threads = new Thread[Threads];
        for (var t = 0; t < Threads; t++)
        {
            var id = t;
            threads[t] = new Thread(() =>
            {
                var own = new ChartFrame();

                // Each thread walks the inputs from its own start, so neighbouring charts switch settings differently.
                for (var k = 0; k < ChartsPerThread; k++)
                {
                    var i = (k + (id * 613)) % ChartsPerThread;
                    Engine.Core.Compute(inputs[i], own);
                    if (!BitEqual(expected[i], Fingerprint(own)))
                    {
                        mismatches[id]++;
                    }
                }
            });
            threads[t].Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.All(mismatches, m => Assert.Equal(0, m));
    }

    private static ChartFrameRequest[] Inputs(int count, int seed)
    {
        var random = new Random(seed);
        var systems = Enum.GetValues<HouseSystem>();
        int[] sidereal = [-1, -1, 1, 0, 3, 5, 7, 27];
        var jd1900 = 2415020.5;
        var inputs = new ChartFrameRequest[count];
        for (var i = 0; i < count; i++)
        {
            inputs[i] = new ChartFrameRequest(
                jd1900 + Math.Floor(random.NextDouble() * 73415 * 86400) / 86400,
                (random.NextDouble() * 120) - 60,
                (random.NextDouble() * 360) - 180,
                0,
                BodyCatalog.Defaults.ToArray(),
                AspectKinds.MajorRules.ToArray(),
                systems[random.Next(systems.Length)],
                SiderealMode: sidereal[random.Next(sidereal.Length)],
                Topocentric: random.Next(4) == 0);
        }

        return inputs;
    }

    private static double[] Fingerprint(ChartFrame frame)
    {
        var values = new List<double>(80);
        foreach (var p in frame.Positions)
        {
            values.Add(p.Longitude);
            values.Add(p.Latitude);
            values.Add(p.Distance);
            values.Add(p.Speed);
        }

        for (var i = 1; i <= 12; i++)
        {
            values.Add(frame.Cusps[i]);
        }

        values.Add(frame.AscMc[0]);
        values.Add(frame.AscMc[1]);
        values.Add(frame.AscMc[3]);
        values.Add(frame.AspectCount);
        return [.. values];
    }

    private static bool BitEqual(double[] a, double[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(a[i]) != BitConverter.DoubleToInt64Bits(b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
