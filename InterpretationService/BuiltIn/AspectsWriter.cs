using ZodiaCore.InterpretationService.Charts;
using ZodiaCore.InterpretationService.Interpretations;

namespace ZodiaCore.InterpretationService.BuiltIn;

/// <summary>The major aspects, tightest first, each told once: the "aspects" section.</summary>
internal static class AspectsWriter
{
    private const int ShortCount = 3;
    private const int StandardCount = 10;

    // (first, second, lore, orb note, relationship) → sentence.
    private static readonly Func<string, string, AspectLore, string, string, string>[] Frames =
    [
        (a, b, lore, orb, relation) => $"{a} {lore.Verb} {b} {orb}: {relation}",
        (a, b, lore, orb, relation) => $"{a} and {b} form {lore.Noun} {orb}, so {relation}",
        (a, b, lore, orb, relation) => $"there is {lore.Noun} between {a} and {b} {orb}; {relation}",
        (a, b, lore, orb, relation) => $"between {a} and {b} lies {lore.Noun} {orb}, which means {relation}",
    ];

    public static string Write(ChartReading chart)
    {
        var text = new SectionText();
        var majors = MajorAspects(chart);
        if (majors.Count == 0)
        {
            text.Add("no major aspects link the bodies of this chart within the orbs used, so each placement speaks largely for itself");
            return text.ToString();
        }

        var shown = chart.Length switch
        {
            InterpretationLength.Short => majors.Take(ShortCount).ToList(),
            InterpretationLength.Standard => majors.Take(StandardCount).ToList(),
            _ => majors,
        };
        if (chart.Length != InterpretationLength.Short)
        {
            text.Add(shown.Count == majors.Count
                ? $"this chart holds {Phrasing.NumberWord(majors.Count)} major {(majors.Count == 1 ? "aspect" : "aspects")}, described here from the tightest to the widest"
                : $"the {Phrasing.NumberWord(shown.Count)} tightest of the chart's {Phrasing.NumberWord(majors.Count)} major aspects are described here, closest first");
        }

        var usedByKind = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < shown.Count; i++)
        {
            var (aspect, first, second, lore) = shown[i];
            var kindIndex = usedByKind[lore.Kind] = usedByKind.GetValueOrDefault(lore.Kind) + 1;
            var relation = chart.Variety.Pick("relation-" + lore.Kind, lore.Relationships, kindIndex)(first.Lore.Keyword, second.Lore.Keyword);
            var frame = chart.Variety.Pick("aspects", Frames, i);
            text.Add(frame(first.Lore.Name, second.Lore.Name, lore, OrbNote(aspect, chart.Length), relation));
            if (chart.Length == InterpretationLength.Long)
            {
                text.NewParagraph();
            }
        }

        return text.ToString();
    }

    private static string OrbNote(ChartAspect aspect, InterpretationLength length)
    {
        var orb = Phrasing.DegreesAndMinutes(aspect.Orb);
        var exactness = Math.Abs(aspect.Orb) < 1.0 ? ", nearly exact" : string.Empty;
        return (length, aspect.Applying) switch
        {
            (InterpretationLength.Long, true) => $"(orb {orb}{exactness}, applying, so its theme is still gathering strength)",
            (InterpretationLength.Long, false) => $"(orb {orb}{exactness}, separating, so its theme is already familiar ground)",
            _ => $"(orb {orb}{exactness})",
        };
    }

    private static List<(ChartAspect Aspect, Placement First, Placement Second, AspectLore Lore)> MajorAspects(ChartReading chart)
    {
        var result = new List<(ChartAspect, Placement, Placement, AspectLore)>();
        var seen = new HashSet<(string, string)>();
        foreach (var aspect in chart.Facts.Aspects ?? [])
        {
            if (!AspectKnowledge.TryGetMajor(aspect.Kind, out var lore)
                || chart.Find(aspect.First) is not { } first
                || chart.Find(aspect.Second) is not { } second
                || first == second)
            {
                continue;
            }

            // The two node kinds are one point measured two ways; their "conjunction" is not an aspect.
            if (BodyKnowledge.IsNode(first.Lore.Key) && BodyKnowledge.IsNode(second.Lore.Key))
            {
                continue;
            }

            // Each pair is told once even if a client lists it twice (once from each side).
            var pair = string.CompareOrdinal(first.Lore.Key, second.Lore.Key) < 0
                ? (first.Lore.Key, second.Lore.Key)
                : (second.Lore.Key, first.Lore.Key);
            if (seen.Add(pair))
            {
                result.Add((aspect, first, second, lore));
            }
        }

        return result.OrderBy(a => Math.Abs(a.Item1.Orb)).ToList();
    }
}
