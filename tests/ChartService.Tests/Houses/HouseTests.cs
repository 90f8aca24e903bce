using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Houses;
using ZodiaCore.ChartService.Tests.Accuracy;
using ZodiaCore.ChartService.Time;

namespace ZodiaCore.ChartService.Tests.Houses;

public sealed class HouseTests
{
    private static NatalChartRequest At(double latitude, string system, string? polar = null) => new(
        new BirthInput(Utc: "1990-01-15T12:00:00Z"),
        new LocationInput(latitude, 10),
        new ChartOptions(HouseSystem: system, PolarHouses: polar));

    [Fact]
    public void Placidus_at_70_degrees_north_falls_back_to_porphyry()
    {
        var chart = Engine.Builder.Build(At(70, "placidus")).Value!;

        Assert.Equal("placidus", chart.Houses!.System);
        Assert.Equal("porphyry", chart.Houses.SystemUsed);
        Assert.Equal("porphyry", chart.Meta.HouseSystemUsed);
        Assert.Contains(chart.Warnings, w => w.Code == WarningCodes.PolarFallback);
    }

    [Fact]
    public void Placidus_fallback_cusps_are_the_porphyry_cusps_swetest_prints()
    {
        Assert.SkipUnless(SwetestReference.Available, "apt package swetest is not installed");
        var chart = Engine.Builder.Build(At(70, "placidus")).Value!;

        var reference = SwetestReference.Run(new DateTime(1990, 1, 15, 12, 0, 0, DateTimeKind.Utc), 70, 10, 'O', -1, "/usr/share/libswe/ephe");

        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(reference.Cusps[i], chart.Houses!.Cusps[i], 0.0001);
        }
    }

    [Fact]
    public void Polar_fallback_to_whole_signs_puts_every_cusp_on_a_sign_boundary()
    {
        var chart = Engine.Builder.Build(At(70, "koch", "wholeSign")).Value!;

        Assert.Equal("wholeSign", chart.Houses!.SystemUsed);
        Assert.All(chart.Houses.Cusps, c => Assert.Equal(0, c % 30, 1e-9));
        Assert.Equal(Zodiac.SignIndex(chart.Angles!.Ascendant) * 30.0, chart.Houses.Cusps[0], 1e-9);
    }

    [Fact]
    public void Polar_error_choice_refuses_with_422()
    {
        var outcome = Engine.Builder.Build(At(-75, "placidus", "error"));

        Assert.Null(outcome.Value);
        Assert.Equal(422, outcome.Problem!.Status);
    }

    [Fact]
    public void Topocentric_beyond_the_polar_circle_also_falls_back()
    {
        var chart = Engine.Builder.Build(At(70, "topocentric")).Value!;

        Assert.Equal("porphyry", chart.Houses!.SystemUsed);
    }

    [Fact]
    public void Placidus_at_60_degrees_north_is_drawn_as_asked()
    {
        var chart = Engine.Builder.Build(At(60, "placidus")).Value!;

        Assert.Equal("placidus", chart.Houses!.SystemUsed);
        Assert.DoesNotContain(chart.Warnings, w => w.Code == WarningCodes.PolarFallback);
    }

    [Fact]
    public void Regiomontanus_has_no_polar_limit()
    {
        var chart = Engine.Builder.Build(At(70, "regiomontanus")).Value!;

        Assert.Equal("regiomontanus", chart.Houses!.SystemUsed);
    }

    [Fact]
    public void A_longitude_on_a_cusp_belongs_to_the_house_that_cusp_opens()
    {
        double[] cusps = [0, 350, 20, 50, 80, 110, 140, 170, 200, 230, 260, 290, 320];

        Assert.Equal(1, HouseCalculator.HouseOf(350, cusps));
        Assert.Equal(1, HouseCalculator.HouseOf(5, cusps));
        Assert.Equal(2, HouseCalculator.HouseOf(20, cusps));
        Assert.Equal(12, HouseCalculator.HouseOf(349.999, cusps));
    }
}
