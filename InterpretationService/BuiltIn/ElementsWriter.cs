using ZodiaCore.InterpretationService.Interpretations;

namespace ZodiaCore.InterpretationService.BuiltIn;

/// <summary>
/// Element and modality balance over the ten planets: the "elements" section.
/// The counts are made here from the positions, so every figure can name the planets behind it.
/// </summary>
internal static class ElementsWriter
{
    public static string Write(ChartReading chart)
    {
        var text = new SectionText();
        var planets = chart.Planets;
        if (planets.Count == 0)
        {
            text.Add("this chart lists none of the ten planets, so there is no balance of elements or modalities to read");
            return text.ToString();
        }

        var elements = Enum.GetValues<Element>()
            .Select(e => new Group(BalanceKnowledge.Get(e), planets.Where(p => p.SignLore.Element == e).ToList()))
            .ToList();
        var modalities = Enum.GetValues<Modality>()
            .Select(m => new Group(BalanceKnowledge.Get(m), planets.Where(p => p.SignLore.Modality == m).ToList()))
            .ToList();

        WriteBalance(text, chart, elements, planets.Count, isElement: true);
        text.NewParagraph();
        WriteBalance(text, chart, modalities, planets.Count, isElement: false);
        return text.ToString();
    }

    public static IReadOnlyList<BalanceLore> Strongest(ChartReading chart, bool elements)
    {
        var planets = chart.Planets;
        var counts = elements
            ? Enum.GetValues<Element>().Select(e => (BalanceKnowledge.Get(e), planets.Count(p => p.SignLore.Element == e)))
            : Enum.GetValues<Modality>().Select(m => (BalanceKnowledge.Get(m), planets.Count(p => p.SignLore.Modality == m)));
        var list = counts.ToList();
        var max = list.Max(c => c.Item2);
        return max == 0 ? [] : list.Where(c => c.Item2 == max).Select(c => c.Item1).ToList();
    }

    private static void WriteBalance(SectionText text, ChartReading chart, List<Group> groups, int planetCount, bool isElement)
    {
        var kind = isElement ? "element" : "mode";
        var max = groups.Max(g => g.Planets.Count);
        var leaders = groups.Where(g => g.Planets.Count == max).ToList();
        var length = chart.Length;

        if (length != InterpretationLength.Short)
        {
            var parts = groups.Select(g => $"{g.Lore.Name} {Phrasing.NumberWord(g.Planets.Count)}").ToList();
            text.Add(isElement
                ? $"counted across the {Phrasing.NumberWord(planetCount)} planets, the elements stand at {Phrasing.JoinList(parts)}"
                : $"by mode, the same planets divide into {Phrasing.JoinList(parts)}");
        }

        if (leaders.Count == 1)
        {
            var leader = leaders[0];
            text.Add($"{leader.Lore.Name} is the leading {kind}, holding {Names(leader)}, which means {leader.Lore.Strong}");
        }
        else
        {
            var names = Phrasing.JoinList(leaders.Select(g => g.Lore.Name).ToList());
            text.Add($"{names} share the lead with {Phrasing.NumberWord(max)} {(max == 1 ? "planet" : "planets")} each");
            foreach (var leader in leaders)
            {
                text.Add($"{leader.Lore.Name}, with {Names(leader)}, brings {leader.Lore.Nature}");
            }
        }

        if (length == InterpretationLength.Short)
        {
            return;
        }

        foreach (var group in groups.Where(g => g.Planets.Count <= 1 && !leaders.Contains(g)))
        {
            text.Add(group.Planets.Count == 0
                ? $"no planet stands in {Phrasing.WithArticle(group.Lore.Name)} sign, so {group.Lore.Weak}"
                : $"{group.Lore.Name} has only {group.Planets[0].Lore.Name}, so {group.Lore.Weak}");
        }

        if (length == InterpretationLength.Long)
        {
            foreach (var group in groups.Where(g => g.Planets.Count > 1 && !leaders.Contains(g)))
            {
                text.Add($"{group.Lore.Name}, carried by {Names(group)}, adds {group.Lore.Nature} to the mix");
            }
        }
    }

    private static string Names(Group group) =>
        Phrasing.JoinList(group.Planets.Select(p => p.Lore.Name).ToList());

    private sealed record Group(BalanceLore Lore, List<Placement> Planets);
}
