using Microsoft.Extensions.Time.Testing;
using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Synastry;
using ZodiaCore.ChartService.Time;
using ZodiaCore.ChartService.Transits;

namespace ZodiaCore.ChartService.Tests.Charts;

public sealed class TransitAndSynastryTests
{
    private static readonly NatalChartRequest Natal = new(
        new BirthInput(Utc: "1990-05-15T13:30:00Z"), new LocationInput(51.5074, -0.1278));

    [Fact]
    public void Transits_at_the_birth_moment_conjoin_every_natal_body_exactly()
    {
        var calculator = new TransitCalculator(Engine.Builder, TimeProvider.System);

        var result = calculator.Calculate(new TransitRequest(Natal, "1990-05-15T13:30:00Z")).Value!;

        foreach (var body in result.Natal.Bodies.Where(b => b.Name != "meanNode"))
        {
            var self = result.Aspects.Single(a => a.First == body.Name && a.Second == body.Name);
            Assert.Equal("conjunction", self.Kind);
            Assert.Equal(0, self.Orb, 1e-12);
        }
    }

    [Fact]
    public void Transiting_bodies_are_placed_in_natal_houses()
    {
        var calculator = new TransitCalculator(Engine.Builder, TimeProvider.System);

        var result = calculator.Calculate(new TransitRequest(Natal, "2026-01-01T00:00:00Z")).Value!;

        Assert.Equal(14, result.Transits.Count);
        Assert.All(result.Transits, t => Assert.InRange(t.House!.Value, 1, 12));
        Assert.All(result.Aspects, a => Assert.True(a.Orb <= TransitCalculator.DefaultOrb));
    }

    [Fact]
    public void Transits_without_a_moment_are_computed_for_now()
    {
        var now = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        var calculator = new TransitCalculator(Engine.Builder, new FakeTimeProvider(now));

        var result = calculator.Calculate(new TransitRequest(Natal)).Value!;

        Assert.Equal("2026-11-26T12:00:00Z", result.At);
        var chartOfNow = Engine.Builder.Build(new NatalChartRequest(new BirthInput(Utc: "2026-11-26T12:00:00Z"), Natal.Location)).Value!;
        Assert.Equal(chartOfNow.JulianDayUt, result.JulianDayUt);
        Assert.Equal(chartOfNow.Bodies.Select(b => b.Longitude), result.Transits.Select(b => b.Longitude));
    }

    [Fact]
    public void Sidereal_transits_name_each_transiting_body_s_nakshatra_and_pada()
    {
        var natal = Natal with { Options = new ChartOptions(Zodiac: "sidereal", Ayanamsa: "lahiri") };
        var calculator = new TransitCalculator(Engine.Builder, TimeProvider.System);

        var result = calculator.Calculate(new TransitRequest(natal, "2026-01-01T00:00:00Z")).Value!;

        Assert.Equal(14, result.Transits.Count);
        Assert.All(result.Transits, t =>
        {
            var (nakshatra, pada) = Nakshatras.Of(t.Longitude);
            Assert.Equal(nakshatra, t.Nakshatra);
            Assert.Equal(pada, t.Pada);
        });
    }

    [Fact]
    public void A_bad_transit_moment_is_named()
    {
        var outcome = new TransitCalculator(Engine.Builder, TimeProvider.System).Calculate(new TransitRequest(Natal, "tomorrow"));

        Assert.Contains("at", outcome.Errors!.Keys);
    }

    [Fact]
    public void Synastry_of_a_chart_with_itself_puts_each_body_in_its_own_house()
    {
        var result = new SynastryCalculator(Engine.Builder).Calculate(new SynastryRequest(Natal, Natal)).Value!;

        Assert.Equal(result.First.Bodies.Select(b => b.House!.Value), result.FirstInSecondHouses.Select(o => o.House));
        Assert.Contains(result.Aspects, a => a.First == "sun" && a.Second == "sun" && a.Kind == "conjunction");
    }

    [Fact]
    public void Synastry_errors_name_the_person()
    {
        var outcome = new SynastryCalculator(Engine.Builder).Calculate(new SynastryRequest(Natal, Natal with { Location = new LocationInput(100, 0) }));

        Assert.Contains("second.location.latitude", outcome.Errors!.Keys);
    }
}
