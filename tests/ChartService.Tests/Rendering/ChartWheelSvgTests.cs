using System.Xml.Linq;
using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Rendering;
using ZodiaCore.ChartService.Time;

namespace ZodiaCore.ChartService.Tests.Rendering;

public sealed class ChartWheelSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static ChartResponse Chart() => Engine.Builder.Build(new NatalChartRequest(
        new BirthInput("1990-05-15", "14:30", "Europe/London"), new LocationInput(51.5074, -0.1278))).Value!;

    [Fact]
    public void The_wheel_is_well_formed_standalone_svg()
    {
        var document = XDocument.Parse(ChartWheelSvg.Render(Chart()));

        Assert.Equal(Svg + "svg", document.Root!.Name);
        Assert.NotNull(document.Root.Attribute("viewBox"));
    }

    [Fact]
    public void The_wheel_has_twelve_signs_twelve_cusps_with_numbers_and_every_body()
    {
        var chart = Chart();
        var document = XDocument.Parse(ChartWheelSvg.Render(chart));

        Assert.Equal(12, Group(document, "zodiac").Elements(Svg + "text").Count());
        Assert.Equal(12, Group(document, "houses").Elements(Svg + "line").Count());
        Assert.Equal(
            Enumerable.Range(1, 12).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Group(document, "houses").Elements(Svg + "text").Where(t => (string?)t.Attribute("class") == "house-number").Select(t => t.Value));
        Assert.Equal(chart.Bodies.Select(b => b.Name), Group(document, "bodies").Elements(Svg + "text").Select(t => (string?)t.Attribute("data-body")));
    }

    [Fact]
    public void Every_aspect_but_conjunctions_is_a_line_coloured_by_kind()
    {
        var chart = Chart();
        var lines = Group(XDocument.Parse(ChartWheelSvg.Render(chart)), "aspects").Elements(Svg + "line").ToList();

        Assert.Equal(chart.Aspects.Count(a => a.Kind != "conjunction"), lines.Count);
        var square = lines.First(l => ((string)l.Attribute("class")!).Contains("square", StringComparison.Ordinal));
        var trine = lines.First(l => ((string)l.Attribute("class")!).Contains("trine", StringComparison.Ordinal));
        Assert.NotEqual((string?)square.Attribute("stroke"), (string?)trine.Attribute("stroke"));
    }

    [Fact]
    public void Each_kind_of_aspect_has_a_colour_of_its_own()
    {
        string[] drawn = ["opposition", "square", "trine", "sextile", "quincunx", "semisextile", "semisquare", "sesquiquadrate", "quintile", "biquintile"];

        var colours = drawn.Select(ChartWheelSvg.AspectColor).ToList();

        Assert.Equal(drawn.Length, colours.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.DoesNotContain(ChartWheelSvg.AspectColor("unknown"), colours);
    }

    [Fact]
    public void The_ascendant_is_drawn_on_the_left()
    {
        var first = Group(XDocument.Parse(ChartWheelSvg.Render(Chart())), "houses").Elements(Svg + "line").First();

        var x2 = double.Parse((string)first.Attribute("x2")!, System.Globalization.CultureInfo.InvariantCulture);
        var y2 = double.Parse((string)first.Attribute("y2")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(ChartWheelSvg.Center - ChartWheelSvg.OuterRadius, x2, 0.01);
        Assert.Equal(ChartWheelSvg.Center, y2, 0.01);
    }

    [Fact]
    public void Clustered_bodies_are_spread_so_no_glyphs_overlap()
    {
        double[] longitudes = [100, 100.5, 101, 102, 103, 250, 251, 359.5, 0.2];

        var placed = ChartWheelSvg.SpreadGlyphs(longitudes);

        for (var i = 0; i < placed.Length; i++)
        {
            for (var j = i + 1; j < placed.Length; j++)
            {
                Assert.True(Math.Abs(Angles.SignedArc(placed[i], placed[j])) >= ChartWheelSvg.MinGlyphSeparation - 1e-6);
            }
        }
    }

    [Fact]
    public void A_chart_without_birth_time_still_draws_with_aries_on_the_left()
    {
        var chart = Engine.Builder.Build(new NatalChartRequest(
            new BirthInput("1990-05-15", TimeZone: "Europe/London", TimeUnknown: true), new LocationInput(51.5, 0))).Value!;

        var document = XDocument.Parse(ChartWheelSvg.Render(chart));

        Assert.Null(document.Descendants(Svg + "g").FirstOrDefault(g => (string?)g.Attribute("id") == "houses"));
        Assert.Equal(chart.Bodies.Count, Group(document, "bodies").Elements(Svg + "text").Count());
    }

    private static XElement Group(XDocument document, string id) =>
        document.Descendants(Svg + "g").Single(g => (string?)g.Attribute("id") == id);
}
