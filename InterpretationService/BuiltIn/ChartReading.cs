using System.Globalization;
using System.Text;
using ZodiaCore.InterpretationService.Charts;
using ZodiaCore.InterpretationService.Interpretations;

namespace ZodiaCore.InterpretationService.BuiltIn;

/// <summary>A body the knowledge base can describe, with its house only when houses are known.</summary>
internal sealed record Placement(BodyPosition Position, BodyLore Lore, int? House)
{
    public ZodiacSign Sign => Position.Sign;

    public SignLore SignLore => SignKnowledge.Get(Position.Sign);
}

/// <summary>
/// One subject of a sentence: usually one body, but the two node kinds when they agree on sign and house,
/// since describing the same point twice in a row reads like an echo.
/// </summary>
internal sealed record BodyEntry(IReadOnlyList<Placement> Members, string Name)
{
    public Placement Primary => Members[0];

    public BodyLore Lore => Primary.Lore;

    public ZodiacSign Sign => Primary.Sign;

    public int? House => Primary.House;
}

/// <summary>The chart facts prepared for the section writers: known bodies in order, angles as signs, the seed.</summary>
internal sealed class ChartReading
{
    private const string MergedNodeName = "the North Node (true and mean positions alike)";

    public ChartReading(ChartFacts facts, InterpretationLength length)
    {
        Facts = facts;
        Length = length;
        HasHouses = facts.HasHouses;

        var byName = (facts.Bodies ?? [])
            .Where(body => BodyKnowledge.TryGet(body.Name, out _))
            .GroupBy(body => body.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase);
        Placements = BodyKnowledge.Known
            .Where(byName.ContainsKey)
            .Select(name => new Placement(
                byName[name],
                BodyKnowledge.Get(name),
                HasHouses && HouseKnowledge.IsValid(byName[name].House) ? byName[name].House : null))
            .ToList();
        Entries = BuildEntries(Placements);
        Variety = new Variety(Fingerprint(facts));

        if (HasHouses && facts.Angles is { } angles)
        {
            Ascendant = ZodiacSigns.FromLongitude(angles.Ascendant);
            Midheaven = ZodiacSigns.FromLongitude(angles.Midheaven);
            Descendant = ZodiacSigns.FromLongitude(angles.Descendant ?? angles.Ascendant + 180.0);
            ImumCoeli = ZodiacSigns.FromLongitude(angles.ImumCoeli ?? angles.Midheaven + 180.0);
            Ruler = Find(facts.ChartRuler?.Body ?? string.Empty) ?? Find(SignKnowledge.Get(Ascendant.Value).Ruler);
        }
    }

    public ChartFacts Facts { get; }

    public InterpretationLength Length { get; }

    public Variety Variety { get; }

    public bool HasHouses { get; }

    /// <summary>Known bodies in ChartService's order; unknown names (extra asteroids) are left to the LLM path.</summary>
    public IReadOnlyList<Placement> Placements { get; }

    public IReadOnlyList<BodyEntry> Entries { get; }

    public ZodiacSign? Ascendant { get; }

    public ZodiacSign? Midheaven { get; }

    public ZodiacSign? Descendant { get; }

    public ZodiacSign? ImumCoeli { get; }

    public Placement? Ruler { get; }

    public Placement? Find(string name) =>
        Placements.FirstOrDefault(p => string.Equals(p.Lore.Key, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The ten planets present, in order: the bodies that element and modality balance counts.</summary>
    public IReadOnlyList<Placement> Planets =>
        Placements.Where(p => BodyNames.Planets.Contains(p.Lore.Key, StringComparer.OrdinalIgnoreCase)).ToList();

    private static List<BodyEntry> BuildEntries(IReadOnlyList<Placement> placements)
    {
        var trueNode = placements.FirstOrDefault(p => p.Lore.Key == BodyNames.TrueNode);
        var meanNode = placements.FirstOrDefault(p => p.Lore.Key == BodyNames.MeanNode);
        var merge = trueNode is not null && meanNode is not null
            && trueNode.Sign == meanNode.Sign && trueNode.House == meanNode.House;

        var entries = new List<BodyEntry>();
        foreach (var placement in placements)
        {
            if (merge && placement == meanNode)
            {
                entries.Add(new BodyEntry([trueNode!, meanNode], MergedNodeName));
            }
            else if (!(merge && placement == trueNode))
            {
                entries.Add(new BodyEntry([placement], placement.Lore.Name));
            }
        }

        return entries;
    }

    // The positions, not the content id, pick the phrasing: the content id is keyed and changes when ENCRYPTION_KEY
    // is rotated, and the same chart must read the same before and after.
    private static string Fingerprint(ChartFacts facts)
    {
        var text = new StringBuilder();
        foreach (var body in facts.Bodies ?? [])
        {
            text.Append(CultureInfo.InvariantCulture, $"{body.Name}:{body.Longitude:F4};");
        }

        if (facts.Angles is { } angles)
        {
            text.Append(CultureInfo.InvariantCulture, $"asc:{angles.Ascendant:F4};mc:{angles.Midheaven:F4}");
        }

        return text.ToString();
    }
}
