using ZodiaCore.ChartService.Aspects;

namespace ZodiaCore.ChartService.Charts;

/// <summary>A computed chart's aspecting points (bodies, then the angles when known), for comparing two charts.</summary>
public sealed class ChartPoints
{
    private ChartPoints(string[] names, double[] longitudes, double[] speeds)
    {
        Names = names;
        Longitudes = longitudes;
        Speeds = speeds;
    }

    public IReadOnlyList<string> Names { get; }

    public double[] Longitudes { get; }

    public double[] Speeds { get; }

    // fixedInTime: treat the chart as fixed (a natal chart under transits), with zero speed.
    public static ChartPoints From(ChartResponse chart, bool fixedInTime)
    {
        var skippedNode = chart.Meta.NodeType == "mean" ? "trueNode" : "meanNode";
        var names = new List<string>();
        var longitudes = new List<double>();
        var speeds = new List<double>();
        foreach (var body in chart.Bodies)
        {
            if (body.Name != skippedNode)
            {
                names.Add(body.Name);
                longitudes.Add(body.Longitude);
                speeds.Add(fixedInTime ? 0 : body.Speed);
            }
        }

        if (chart.Angles is { } angles)
        {
            names.Add("ascendant");
            longitudes.Add(angles.Ascendant);
            speeds.Add(fixedInTime ? 0 : double.NaN);
            names.Add("midheaven");
            longitudes.Add(angles.Midheaven);
            speeds.Add(fixedInTime ? 0 : double.NaN);
        }

        return new ChartPoints([.. names], [.. longitudes], [.. speeds]);
    }

    /// <summary>Aspects from each of these points to each of the other chart's points.</summary>
    public List<AspectResponse> AspectsTo(ChartPoints other, ReadOnlySpan<AspectRule> rules)
    {
        var hits = new AspectHit[Longitudes.Length * other.Longitudes.Length];
        var count = AspectFinder.FindBetween(Longitudes, Speeds, other.Longitudes, other.Speeds, rules, hits);
        var list = new List<AspectResponse>(count);
        for (var i = 0; i < count; i++)
        {
            var hit = hits[i];
            list.Add(new AspectResponse(
                Names[hit.First], other.Names[hit.Second], AspectKinds.Name(hit.Kind), AspectKinds.ExactAngle(hit.Kind),
                hit.Separation, Math.Abs(hit.Orb), hit.Motion == 0 ? null : hit.Motion > 0));
        }

        return list;
    }
}
