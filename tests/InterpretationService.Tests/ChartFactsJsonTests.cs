using ZodiaCore.InterpretationService.Charts;

namespace ZodiaCore.InterpretationService.Tests;

public class ChartFactsJsonTests
{
    // The shape issue 4 fixes for ChartService's natal output, with fields the interpreter ignores (meta, latitude…).
    private const string NatalJson = """
        {
          "contentId": "c0ffee",
          "utc": "1990-05-15T13:30:00Z",
          "julianDayUt": 2448027.0625,
          "bodies": [
            { "name": "sun", "longitude": 54.12, "latitude": 0.0, "distance": 1.01, "speed": 0.96, "retrograde": false,
              "sign": "taurus", "degreeInSign": 24.12, "formatted": "24°07'13\" Taurus", "house": 10 },
            { "name": "mercury", "longitude": 70.2, "speed": -0.3, "retrograde": true,
              "sign": "Gemini", "degreeInSign": 10.2, "formatted": "10°12'00\" Gemini", "house": 11 }
          ],
          "houses": { "system": "placidus", "systemUsed": "porphyry", "cusps": [1,2,3,4,5,6,7,8,9,10,11,12] },
          "angles": { "ascendant": 95.5, "midheaven": 345.0, "descendant": 275.5, "imumCoeli": 165.0, "vertex": 200.1 },
          "aspects": [
            { "first": "sun", "second": "mercury", "kind": "conjunction", "angle": 0, "separation": 16.08, "orb": 7.9, "applying": false },
            { "first": "sun", "second": "ascendant", "kind": "sextile", "angle": 60, "separation": 41.4, "orb": 1.4, "applying": null }
          ],
          "elements": { "fire": 3, "earth": 4, "air": 2, "water": 1 },
          "modalities": { "cardinal": 4, "fixed": 3, "mutable": 3 },
          "chartRuler": { "body": "moon", "ascendantSign": "Cancer", "sign": "Aries", "house": 10 },
          "moonPhase": { "name": "waningCrescent", "angle": 309.4, "illumination": 0.18 },
          "patterns": [ { "kind": "stellium", "bodies": ["saturn", "uranus", "neptune"], "sign": "Capricorn" } ],
          "meta": { "houseSystem": "placidus", "timeUnknown": false, "ephemerisSource": "files" },
          "warnings": [ { "code": "houses.polarFallback", "message": "…" } ]
        }
        """;

    [Fact]
    public void ChartService_natal_json_binds_every_field_the_interpreter_reads()
    {
        var chart = ChartFacts.FromJson(NatalJson);

        Assert.Equal("c0ffee", chart.ContentId);
        Assert.Equal(2, chart.Bodies.Count);
        Assert.Equal(new BodyPosition("sun", 54.12, 0.96, false, ZodiacSign.Taurus, 24.12, "24°07'13\" Taurus", 10, 0.0, 1.01), chart.Bodies[0]);
        Assert.Equal("porphyry", chart.Houses!.SystemUsed);
        Assert.Equal(12, chart.Houses.Cusps.Count);
        Assert.Equal(345.0, chart.Angles!.Midheaven);
        Assert.Equal(200.1, chart.Angles.Vertex);
        Assert.Equal(new ChartAspect("sun", "mercury", "conjunction", 0, 7.9, false, 16.08), chart.Aspects![0]);
        Assert.Null(chart.Aspects[1].Applying);
        Assert.Equal(new ElementBalance(3, 4, 2, 1), chart.Elements);
        Assert.Equal(new ModalityBalance(4, 3, 3), chart.Modalities);
        Assert.Equal(new ChartRuler("moon", "Cancer", "Aries", 10), chart.ChartRuler);
        Assert.Equal(new MoonPhase("waningCrescent", 309.4, 0.18), chart.MoonPhase);
        Assert.True(chart.HasHouses);
    }

    [Theory]
    [InlineData("taurus")]
    [InlineData("Taurus")]
    [InlineData("TAURUS")]
    public void Sign_names_are_read_case_insensitively(string sign)
    {
        var chart = ChartFacts.FromJson($$"""{ "bodies": [ { "name": "sun", "longitude": 40, "speed": 1, "retrograde": false, "sign": "{{sign}}", "degreeInSign": 10 } ] }""");

        Assert.Equal(ZodiacSign.Taurus, chart.Bodies[0].Sign);
    }

    [Fact]
    public void Moon_phase_is_read_as_an_object_too()
    {
        var chart = ChartFacts.FromJson("""{ "bodies": [], "moonPhase": { "name": "full", "angle": 181.5, "illumination": 0.99, "extra": [1] } }""");

        Assert.Equal(new MoonPhase("full", 181.5, 0.99), chart.MoonPhase);
    }

    [Fact]
    public void ChartService_time_unknown_flag_in_meta_is_honoured()
    {
        var chart = ChartFacts.FromJson("""{ "bodies": [], "houses": null, "angles": null, "chartRuler": null, "meta": { "timeUnknown": true } }""");

        Assert.True(chart.IsTimeUnknown);
        Assert.False(chart.HasHouses);
    }

    [Fact]
    public void A_chart_ruler_given_as_a_bare_body_name_is_read()
    {
        var chart = ChartFacts.FromJson("""{ "bodies": [], "chartRuler": "mars" }""");

        Assert.Equal("mars", chart.ChartRuler!.Body);
    }

    [Fact]
    public void A_time_unknown_chart_without_houses_or_angles_has_no_houses()
    {
        var chart = ChartFacts.FromJson("""{ "timeUnknown": true, "bodies": [ { "name": "sun", "longitude": 40, "speed": 1, "retrograde": false, "sign": "taurus", "degreeInSign": 10 } ] }""");

        Assert.Null(chart.Bodies[0].House);
        Assert.False(chart.HasHouses);
    }

    [Fact]
    public void A_chart_flagged_time_unknown_has_no_houses_even_if_cusps_are_present()
    {
        var chart = TestCharts.Natal() with { TimeUnknown = true };

        Assert.False(chart.HasHouses);
    }
}
