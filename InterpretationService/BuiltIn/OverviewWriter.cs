using ZodiaCore.InterpretationService.Charts;
using ZodiaCore.InterpretationService.Interpretations;

namespace ZodiaCore.InterpretationService.BuiltIn;

/// <summary>The big picture: Sun, Moon and rising sign, the chart ruler, the lunar phase and the overall emphasis.</summary>
internal static class OverviewWriter
{
    private static readonly Func<string, string, string, string>[] BigThreeFrames =
    [
        (sun, moon, rising) => $"this is a chart with the Sun in {sun}, the Moon in {moon} and {rising} rising",
        (sun, moon, rising) => $"three placements set the tone of this chart: the Sun in {sun}, the Moon in {moon} and {rising} on the ascendant",
        (sun, moon, rising) => $"at the heart of this chart are {Phrasing.WithArticle(sun)} Sun, {Phrasing.WithArticle(moon)} Moon and {Phrasing.WithArticle(rising)} ascendant",
    ];

    private static readonly Func<string, string, string>[] LuminariesFrames =
    [
        (sun, moon) => $"this chart is built around the Sun in {sun} and the Moon in {moon}, and without a birth time its rising sign is unknown",
        (sun, moon) => $"the Sun in {sun} and the Moon in {moon} set the tone here; with no birth time, the rising sign cannot be known",
    ];

    public static string Write(ChartReading chart)
    {
        var text = new SectionText();
        var sun = chart.Find(BodyNames.Sun);
        var moon = chart.Find(BodyNames.Moon);
        var length = chart.Length;

        if (sun is not null && moon is not null)
        {
            if (chart.Ascendant is { } ascendant)
            {
                text.Add(chart.Variety.Pick("big-three", BigThreeFrames, 0)(sun.SignLore.Name, moon.SignLore.Name, SignKnowledge.Get(ascendant).Name));
            }
            else
            {
                text.Add(chart.Variety.Pick("luminaries", LuminariesFrames, 0)(sun.SignLore.Name, moon.SignLore.Name));
            }

            text.Add(sun.Sign == moon.Sign
                ? $"with the Sun and the Moon both in {sun.SignLore.Name}, will and feeling pull in the same {sun.SignLore.Quality} direction"
                : $"the Sun in {sun.SignLore.Name} gives {Phrasing.WithArticle(sun.SignLore.Quality)} core, while the Moon in {moon.SignLore.Name} makes for {moon.SignLore.Quality} feelings");
        }
        else if (chart.Placements.Count > 0)
        {
            var first = chart.Placements[0];
            text.Add($"this reading covers the bodies the chart lists, beginning with {first.Lore.Name} in {first.SignLore.Name}");
        }

        if (!chart.HasHouses)
        {
            text.Add("because the birth time is unknown, the chart has no houses or angles, and nothing here depends on them");
        }

        if (length == InterpretationLength.Short)
        {
            return text.ToString();
        }

        if (chart.Ruler is { } ruler && chart.Ascendant is { } rising)
        {
            var where = ruler.House is { } house ? $" in the {Phrasing.Ordinal(house)} house" : string.Empty;
            text.Add($"because {SignKnowledge.Get(rising).Name} is rising, {ruler.Lore.Name} rules the chart; it sits in {ruler.SignLore.Name}{where}, so its themes colour the whole reading");
        }

        if (sun is not null && moon is not null)
        {
            var elongation = moon.Position.Longitude - sun.Position.Longitude;
            var phase = MoonPhaseKnowledge.ForElongation(elongation);
            var ahead = (((elongation % 360.0) + 360.0) % 360.0);
            text.Add($"the Moon was {Phrasing.DegreesAndMinutes(ahead, truncate: true)} ahead of the Sun at birth, {phase.Name}, which suggests {phase.Meaning}");
        }

        var elements = ElementsWriter.Strongest(chart, elements: true);
        var modalities = ElementsWriter.Strongest(chart, elements: false);
        if (elements.Count == 1 && modalities.Count == 1)
        {
            text.Add($"overall the weight falls on {elements[0].Name} and on the {modalities[0].Name} mode: {elements[0].Nature}, steered by {modalities[0].Nature}");
        }

        if (length == InterpretationLength.Long)
        {
            var retrograde = chart.Placements.Where(p => p.Lore.ShowsRetrograde && p.Position.Retrograde).Select(p => p.Lore.Name).ToList();
            text.Add(retrograde.Count switch
            {
                0 => "none of the planets, nor Chiron, was retrograde at birth, so their energies tend to move outward and directly",
                1 => $"only {retrograde[0]} was retrograde at birth, the one body whose work turns inward first",
                _ => $"{Phrasing.NumberWord(retrograde.Count)} bodies were retrograde at birth ({Phrasing.JoinList(retrograde)}), so part of the chart works inward before it shows",
            });
        }

        return text.ToString();
    }
}
