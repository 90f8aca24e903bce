using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Ephemeris;

namespace ZodiaCore.ChartService.Tests.Accuracy;

public sealed class SwetestAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_longitude_speed_cusp_and_angle_matches_swetest_within_a_ten_thousandth_degree()
    {
        Assert.SkipUnless(SwetestReference.Available, "apt package swetest is not installed");
        var builder = Engine.Builder;
        var tally = new AccuracyTally();

        foreach (var c in AccuracyCases.Generate())
        {
            var chart = builder.Build(c.ToRequest()).Value!;
            var reference = SwetestReference.Run(
                c.Utc, c.Latitude, c.Longitude, AccuracyCases.Letter(c.HouseSystem), AccuracyCases.SiderealMode(c.Ayanamsa),
                EphemerisOptions.DefaultPath);
            tally.Compare(c, chart, reference);
        }

        foreach (var (quantity, (max, where)) in tally.Largest)
        {
            output.WriteLine($"{quantity}: largest difference {max:E3}° ({where})");
        }

        Assert.True(tally.Cases >= 200);
        Assert.Equal(4, tally.Largest.Count);
        Assert.Empty(tally.Failures);
    }
}
