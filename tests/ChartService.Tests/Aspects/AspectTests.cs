using ZodiaCore.ChartService.Aspects;

namespace ZodiaCore.ChartService.Tests.Aspects;

public sealed class AspectTests
{
    private static readonly AspectRule[] Majors = AspectKinds.MajorRules.ToArray();

    [Theory]
    [InlineData(0, 8, true)]
    [InlineData(0, 8.000001, false)]
    [InlineData(355, 3, true)]
    [InlineData(10, 97, true)]
    [InlineData(10, 107.000001, false)]
    [InlineData(0, 54, true)]
    [InlineData(0, 53.999999, false)]
    public void An_aspect_counts_up_to_and_including_its_orb(double a, double b, bool expected)
    {
        var found = AspectFinder.TryMatch(a, 0, b, 0, Majors, out _, out _, out _, out _);

        Assert.Equal(expected, found);
    }

    [Fact]
    public void The_orb_is_the_distance_from_the_exact_angle()
    {
        AspectFinder.TryMatch(10, 0, 103.5, 0, Majors, out var kind, out var separation, out var orb, out _);

        Assert.Equal(AspectKind.Square, kind);
        Assert.Equal(93.5, separation, 1e-9);
        Assert.Equal(3.5, orb, 1e-9);
    }

    [Fact]
    public void A_faster_body_closing_on_a_slower_one_is_applying()
    {
        AspectFinder.TryMatch(10, 1.0, 15, 0.1, Majors, out _, out _, out _, out var motion);

        Assert.Equal(1, motion);
    }

    [Fact]
    public void A_faster_body_moving_away_is_separating()
    {
        AspectFinder.TryMatch(20, 1.0, 15, 0.1, Majors, out _, out _, out _, out var motion);

        Assert.Equal(-1, motion);
    }

    [Fact]
    public void A_retrograde_body_backing_into_a_trine_is_applying()
    {
        // B at 125 moves back towards the exact trine at 120 from A at 0.
        AspectFinder.TryMatch(0, 0, 125, -0.5, Majors, out var kind, out _, out _, out var motion);

        Assert.Equal(AspectKind.Trine, kind);
        Assert.Equal(1, motion);
    }

    [Fact]
    public void Custom_orbs_narrow_an_aspect()
    {
        var errors = new Dictionary<string, string[]>();
        var rules = ZodiaCore.ChartService.Charts.ChartSettings.ParseAspects(null, new Dictionary<string, double> { ["conjunction"] = 2 }, "options", errors);

        Assert.Empty(errors);
        Assert.True(AspectFinder.TryMatch(0, 0, 2, 0, rules, out _, out _, out _, out _));
        Assert.False(AspectFinder.TryMatch(0, 0, 2.01, 0, rules, out _, out _, out _, out _));
    }

    [Fact]
    public void Minor_aspects_are_found_only_when_asked_for()
    {
        var errors = new Dictionary<string, string[]>();
        var withMinors = ZodiaCore.ChartService.Charts.ChartSettings.ParseAspects(["majors", "minors"], null, "options", errors);

        Assert.False(AspectFinder.TryMatch(0, 0, 150, 0, Majors, out _, out _, out _, out _));
        Assert.True(AspectFinder.TryMatch(0, 0, 150, 0, withMinors, out var kind, out _, out _, out _));
        Assert.Equal(AspectKind.Quincunx, kind);
    }

    [Theory]
    [InlineData(new double[] { 10, 130, 250 }, PatternKinds.GrandTrine)]
    [InlineData(new double[] { 0, 180, 90 }, PatternKinds.TSquare)]
    [InlineData(new double[] { 1, 91, 181, 271 }, PatternKinds.GrandCross)]
    [InlineData(new double[] { 0, 60, 210 }, PatternKinds.Yod)]
    [InlineData(new double[] { 0, 120, 240, 180 }, PatternKinds.Kite)]
    [InlineData(new double[] { 31, 40, 55 }, PatternKinds.Stellium)]
    public void Patterns_are_recognised_from_their_geometry(double[] longitudes, string kind)
    {
        var patterns = PatternFinder.Find(longitudes, Majors);

        Assert.Contains(patterns, p => p.Kind == kind);
    }

    [Fact]
    public void A_grand_cross_is_not_also_reported_as_four_t_squares()
    {
        var patterns = PatternFinder.Find(new double[] { 1, 91, 181, 271 }, Majors);

        Assert.DoesNotContain(patterns, p => p.Kind == PatternKinds.TSquare);
    }

    [Fact]
    public void The_apex_of_a_yod_is_the_point_quincunx_to_both_others()
    {
        var yod = PatternFinder.Find(new double[] { 0, 60, 210 }, Majors).Single(p => p.Kind == PatternKinds.Yod);

        Assert.Equal(2, yod.Apex);
    }

    [Fact]
    public void Scattered_points_form_no_pattern()
    {
        Assert.Empty(PatternFinder.Find(new double[] { 0, 37, 101, 163, 222 }, Majors));
    }
}
