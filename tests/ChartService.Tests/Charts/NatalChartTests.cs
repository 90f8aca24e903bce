using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Ephemeris;
using ZodiaCore.ChartService.Time;

namespace ZodiaCore.ChartService.Tests.Charts;

public sealed class NatalChartTests
{
    private static readonly NatalChartRequest London = new(
        new BirthInput("1990-05-15", "14:30", "Europe/London"),
        new LocationInput(51.5074, -0.1278, 0, "London"),
        new ChartOptions(HouseSystem: "placidus"));

    [Fact]
    public void The_default_chart_has_the_fourteen_default_bodies_in_order()
    {
        var chart = Engine.Builder.Build(London).Value!;

        Assert.Equal(
            ["sun", "moon", "mercury", "venus", "mars", "jupiter", "saturn", "uranus", "neptune", "pluto", "meanNode", "trueNode", "chiron", "lilith"],
            chart.Bodies.Select(b => b.Name));
    }

    [Fact]
    public void Mercury_was_retrograde_in_mid_May_1990_and_the_Sun_never_is()
    {
        // Mercury stationed retrograde on 1990-04-23 and direct on 1990-05-17.
        var chart = Engine.Builder.Build(London).Value!;

        Assert.True(chart.Bodies.Single(b => b.Name == "mercury").Retrograde);
        Assert.False(chart.Bodies.Single(b => b.Name == "sun").Retrograde);
    }

    [Fact]
    public void Retrograde_means_negative_speed_for_every_body()
    {
        foreach (var c in Accuracy.AccuracyCases.Generate(40, 7))
        {
            var chart = Engine.Builder.Build(c.ToRequest()).Value!;
            Assert.All(chart.Bodies, b => Assert.Equal(b.Speed < 0, b.Retrograde));
        }
    }

    [Fact]
    public void The_resolved_moment_and_provenance_are_echoed()
    {
        var chart = Engine.Builder.Build(London).Value!;

        Assert.Equal("1990-05-15T13:30:00Z", chart.Utc);
        Assert.Equal("+01:00", chart.UtcOffset);
        Assert.Equal(chart.JulianDayUt, chart.Meta.JulianDayUt);
        Assert.Equal("swissEphemeris", chart.Meta.EphemerisSource);
        Assert.Equal(SwissEphemeris.LibraryVersion, chart.Meta.LibraryVersion);
        Assert.Contains("swetest -ut", chart.Meta.TimeScale);
        Assert.InRange(chart.Meta.DeltaTSeconds, 56, 58);
    }

    [Fact]
    public void Meta_echoes_every_convention_of_a_sidereal_chart()
    {
        var request = London with { Options = new ChartOptions(HouseSystem: "koch", Zodiac: "sidereal", Ayanamsa: "lahiri", NodeType: "mean") };

        var chart = Engine.Builder.Build(request).Value!;
        var meta = chart.Meta;

        Assert.Equal("koch", meta.HouseSystem);
        Assert.Equal("koch", meta.HouseSystemUsed);
        Assert.Equal("porphyry", meta.PolarHouses);
        Assert.Equal("sidereal", meta.Zodiac);
        Assert.Equal("lahiri", meta.Ayanamsa);
        Assert.Equal(chart.AyanamsaValue, meta.AyanamsaValue);
        Assert.InRange(meta.AyanamsaValue!.Value, 23.6, 23.8); // Lahiri in 1990
        Assert.Equal("mean", meta.NodeType);
        Assert.Equal("meanApogee", meta.Lilith);
        Assert.False(meta.Topocentric);
        Assert.Equal(["SEFLG_SWIEPH", "SEFLG_SPEED", "SEFLG_SIDEREAL"], meta.Flags);
        Assert.NotEqual(0, meta.CalculationFlags & SweConstants.FlagSidereal);
        Assert.Equal("+01:00", meta.UtcOffset);
        Assert.Equal("Europe/London", meta.TimeZone);
        Assert.False(meta.LocalMeanTime);
        Assert.False(meta.TimeUnknown);
    }

    [Fact]
    public void A_Julian_date_gives_the_chart_of_its_Gregorian_day_and_says_which_calendar_was_read()
    {
        var julian = Engine.Builder.Build(new NatalChartRequest(
            new BirthInput("1564-04-23", "12:00", UtcOffset: "+00:00", Calendar: "julian"), London.Location)).Value!;
        var gregorian = Engine.Builder.Build(new NatalChartRequest(
            new BirthInput("1564-05-03", "12:00", UtcOffset: "+00:00"), London.Location)).Value!;

        Assert.Equal(gregorian.Utc, julian.Utc);
        Assert.Equal(gregorian.Bodies.Select(b => b.Longitude), julian.Bodies.Select(b => b.Longitude));
        Assert.Equal("julian", julian.Meta.Calendar);
        Assert.Equal("gregorian", gregorian.Meta.Calendar);

        // Cached apart: a cached chart must not answer with the other calendar in its meta.
        Assert.NotEqual(gregorian.ContentId, julian.ContentId);
    }

    [Fact]
    public void Ascendant_in_Virgo_makes_Mercury_the_chart_ruler()
    {
        var chart = Engine.Builder.Build(London).Value!;

        Assert.Equal("Virgo", chart.ChartRuler!.AscendantSign);
        Assert.Equal("mercury", chart.ChartRuler.Body);
        Assert.Equal(chart.Bodies.Single(b => b.Name == "mercury").House, chart.ChartRuler.House);
    }

    [Fact]
    public void Element_and_modality_balance_count_the_ten_planets()
    {
        var chart = Engine.Builder.Build(London).Value!;

        Assert.Equal(10, chart.Elements.Fire + chart.Elements.Earth + chart.Elements.Air + chart.Elements.Water);
        Assert.Equal(10, chart.Modalities.Cardinal + chart.Modalities.Fixed + chart.Modalities.Mutable);
    }

    [Fact]
    public void Angles_are_opposite_in_pairs()
    {
        var angles = Engine.Builder.Build(London).Value!.Angles!;

        Assert.Equal(180, Math.Abs(Angles.SignedArc(angles.Ascendant, angles.Descendant)), 1e-9);
        Assert.Equal(180, Math.Abs(Angles.SignedArc(angles.Midheaven, angles.ImumCoeli)), 1e-9);
    }

    [Fact]
    public void A_sidereal_chart_is_the_tropical_chart_shifted_by_the_ayanamsa()
    {
        var tropical = Engine.Builder.Build(London).Value!;
        var sidereal = Engine.Builder.Build(London with { Options = new ChartOptions(Zodiac: "sidereal", Ayanamsa: "lahiri") }).Value!;

        Assert.InRange(sidereal.AyanamsaValue!.Value, 23.6, 23.8);
        Assert.Equal(
            Angles.Normalize(tropical.Houses!.Cusps[0] - sidereal.AyanamsaValue.Value), sidereal.Houses!.Cusps[0], 1e-6);
        Assert.All(sidereal.Bodies, b => Assert.NotNull(b.Nakshatra));
        Assert.All(tropical.Bodies, b => Assert.Null(b.Nakshatra));
    }

    [Fact]
    public void An_unknown_birth_time_gives_no_houses_angles_or_ruler()
    {
        var chart = Engine.Builder.Build(London with { Birth = new BirthInput("1990-05-15", TimeZone: "Europe/London", TimeUnknown: true) }).Value!;

        Assert.Null(chart.Houses);
        Assert.Null(chart.Angles);
        Assert.Null(chart.ChartRuler);
        Assert.All(chart.Bodies, b => Assert.Null(b.House));
        Assert.DoesNotContain(chart.Aspects, a => a.First == "ascendant" || a.Second == "ascendant");
    }

    [Fact]
    public void The_content_id_is_the_same_for_the_same_input_however_spelled()
    {
        var a = Engine.Builder.Build(London).Value!;
        var b = Engine.Builder.Build(London with { Options = new ChartOptions(HouseSystem: "Placidus", Zodiac: "tropical", NodeType: "true") }).Value!;
        var c = Engine.Builder.Build(London with { Location = new LocationInput(51.5075, -0.1278) }).Value!;

        Assert.Equal(a.ContentId, b.ContentId);
        Assert.NotEqual(a.ContentId, c.ContentId);
    }

    [Fact]
    public void The_bodies_option_narrows_and_extends_the_set()
    {
        var chart = Engine.Builder.Build(London with { Options = new ChartOptions(Bodies: ["sun", "ceres", "moon"]) }).Value!;

        Assert.Equal(["sun", "moon", "ceres"], chart.Bodies.Select(b => b.Name));
    }

    [Theory]
    [InlineData(null, "meanApogee")]
    [InlineData(new[] { "sun", "osculatingLilith" }, "osculatingApogee")]
    [InlineData(new[] { "osculatingLilith", "lilith" }, "meanApogee,osculatingApogee")]
    [InlineData(new[] { "sun", "moon" }, null)]
    public void Meta_lilith_names_the_apogees_computed_and_is_null_without_one(string[]? bodies, string? lilith)
    {
        var chart = Engine.Builder.Build(London with { Options = new ChartOptions(Bodies: bodies) }).Value!;

        Assert.Equal(lilith, chart.Meta.Lilith);
    }

    [Fact]
    public void Moon_phase_follows_the_elongation_from_the_Sun()
    {
        // Full Moon was on 1990-05-09 and last quarter on 1990-05-17.
        var chart = Engine.Builder.Build(London).Value!;
        var sun = chart.Bodies.Single(b => b.Name == "sun").Longitude;
        var moon = chart.Bodies.Single(b => b.Name == "moon").Longitude;

        Assert.Equal(Angles.Normalize(moon - sun), chart.MoonPhase!.Angle, 1e-9);
        Assert.Equal("waningGibbous", chart.MoonPhase.Name);
    }

    [Fact]
    public void Without_ephemeris_files_the_chart_names_the_Moshier_fallback()
    {
        var moshier = new NatalChartBuilder(new ChartEngine(new SwissEphemeris("/nonexistent/ephe")), Engine.ContentIds);

        var chart = moshier.Build(London).Value!;

        Assert.Equal("moshier", chart.Meta.EphemerisSource);
        Assert.Contains(chart.Warnings, w => w.Code == WarningCodes.MoshierFallback);
    }

    [Fact]
    public void Before_the_Chiron_ephemeris_begins_Chiron_is_left_out_with_a_warning()
    {
        // The Chiron file (seas_*) starts in 675 CE; the planets' files go back to 5401 BCE.
        var chart = Engine.Builder.Build(London with { Birth = new BirthInput(Utc: "0500-03-01T12:00:00Z") }).Value!;

        Assert.DoesNotContain(chart.Bodies, b => b.Name == "chiron");
        Assert.Contains(chart.Bodies, b => b.Name == "pluto");
        Assert.Contains(chart.Warnings, w => w.Code == WarningCodes.BodyUnavailable && w.Message.StartsWith("chiron", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("-5400-01-02T00:00:00Z")]
    [InlineData("5399-12-30T00:00:00Z")]
    public void The_ends_of_the_supported_range_still_give_a_chart(string utc)
    {
        var outcome = Engine.Builder.Build(London with { Birth = new BirthInput(Utc: utc) });

        Assert.NotNull(outcome.Value);
        Assert.Contains(outcome.Value.Bodies, b => b.Name == "sun");
    }

    [Theory]
    [InlineData(91.0, 0.0, "location.latitude")]
    [InlineData(0.0, -180.5, "location.longitude")]
    public void Out_of_range_coordinates_are_named(double latitude, double longitude, string field)
    {
        var outcome = Engine.Builder.Build(London with { Location = new LocationInput(latitude, longitude) });

        Assert.Contains(field, outcome.Errors!.Keys);
    }

    [Theory]
    [InlineData("houseSystem", "options.houseSystem")]
    [InlineData("zodiac", "options.zodiac")]
    [InlineData("ayanamsa", "options.ayanamsa")]
    public void Unknown_options_are_named(string option, string field)
    {
        var options = option switch
        {
            "houseSystem" => new ChartOptions(HouseSystem: "vedic"),
            "zodiac" => new ChartOptions(Zodiac: "draconic"),
            _ => new ChartOptions(Zodiac: "sidereal", Ayanamsa: "nonsense"),
        };

        var outcome = Engine.Builder.Build(London with { Options = options });

        Assert.Contains(field, outcome.Errors!.Keys);
    }
}
