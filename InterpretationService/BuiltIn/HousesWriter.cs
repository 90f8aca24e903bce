using ZodiaCore.InterpretationService.Charts;
using ZodiaCore.InterpretationService.Interpretations;

namespace ZodiaCore.InterpretationService.BuiltIn;

/// <summary>The angles and each body's house: the "houses" section. Says plainly when there are no houses to read.</summary>
internal static class HousesWriter
{
    public const string UnknownHouses =
        "the birth time is unknown, so the houses, the ascendant and the midheaven cannot be calculated, and this reading leaves them out rather than guess";

    private static readonly Func<string, string, string>[] RisingFrames =
    [
        (sign, rising) => $"with {sign} rising, {rising}",
        (sign, rising) => $"{sign} is on the ascendant: {rising}",
        (sign, rising) => $"{sign} was rising when you were born, so {rising}",
    ];

    private static readonly Func<string, string, string>[] MidheavenFrames =
    [
        (sign, path) => $"with the midheaven in {sign}, {path}",
        (sign, path) => $"the midheaven in {sign} suggests that {path}",
        (sign, path) => $"{sign} crowns the chart at the midheaven, so {path}",
    ];

    // (name, ordinal, house, verb) → sentence.
    private static readonly Func<string, string, HouseLore, string, string>[] BodyFrames =
    [
        (name, ordinal, house, verb) => $"{name} in the {ordinal} house {verb} {house.Area}",
        (name, ordinal, house, verb) => $"placed in the {ordinal} house, {name} {verb} {house.Area}",
        (name, ordinal, house, verb) => $"in the {ordinal} house, {house.Title}, {name} {verb} {house.Area}",
        (name, ordinal, house, verb) => $"the {ordinal} house holds {name}, which {verb} {house.Area}",
    ];

    // For a second or third body in the same house: naming the house's concerns again would read like a list.
    private static readonly Func<string, string, string, string>[] SameHouseFrames =
    [
        (name, ordinal, verb) => $"{name}, also in the {ordinal} house, {verb} the same areas of life",
        (name, ordinal, verb) => $"the {ordinal} house holds {name} as well, which {verb} those same concerns",
        (name, ordinal, verb) => $"{name} is in the {ordinal} house too, and {verb} this part of life as well",
    ];

    public static string Write(ChartReading chart)
    {
        var text = new SectionText();
        if (!chart.HasHouses || chart.Ascendant is not { } ascendant || chart.Midheaven is not { } midheaven)
        {
            text.Add(UnknownHouses);
            return text.ToString();
        }

        var length = chart.Length;
        var ascendantLore = SignKnowledge.Get(ascendant);
        text.Add(chart.Variety.Pick("rising", RisingFrames, 0)(ascendantLore.Name, ascendantLore.Rising));
        var midheavenLore = SignKnowledge.Get(midheaven);
        text.Add(chart.Variety.Pick("midheaven", MidheavenFrames, 0)(midheavenLore.Name, midheavenLore.Midheaven));
        if (length == InterpretationLength.Long)
        {
            var descendant = SignKnowledge.Get(chart.Descendant!.Value);
            text.Add($"with {descendant.Name} on the descendant, you are drawn to partners who seem {descendant.Quality}");
            var imumCoeli = SignKnowledge.Get(chart.ImumCoeli!.Value);
            text.Add($"with {imumCoeli.Name} at the base of the chart, your roots and private life have {Phrasing.WithArticle(imumCoeli.Quality)} tone");
            AddHouseSystem(text, chart.Facts.Houses!);
        }

        text.NewParagraph();
        var entries = chart.Entries
            .Where(e => e.House is not null)
            .Where(e => length != InterpretationLength.Short || IsShortListed(e, chart))
            .OrderBy(e => e.House)
            .ToList();
        var followers = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var ordinal = Phrasing.Ordinal(entry.House!.Value);
            if (i > 0 && entries[i - 1].House == entry.House)
            {
                text.Add(chart.Variety.Pick("same-house", SameHouseFrames, followers++)(entry.Name, ordinal, entry.Lore.HouseVerb));
                continue;
            }

            var frame = chart.Variety.Pick("houses", BodyFrames, i);
            text.Add(frame(entry.Name, ordinal, HouseKnowledge.Get(entry.House.Value), entry.Lore.HouseVerb));
        }

        if (length == InterpretationLength.Long)
        {
            AddBusiestHouse(text, chart);
        }

        return text.ToString();
    }

    // A short reading keeps the luminaries and the chart ruler, the placements that say most about the whole.
    private static bool IsShortListed(BodyEntry entry, ChartReading chart) =>
        entry.Lore.Key is BodyNames.Sun or BodyNames.Moon || entry.Primary == chart.Ruler;

    private static void AddHouseSystem(SectionText text, HouseCusps houses)
    {
        var used = HouseSystemName(houses.SystemUsed);
        if (string.Equals(houses.System, houses.SystemUsed, StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(houses.System))
        {
            text.Add($"the houses are drawn with the {used} system");
            return;
        }

        text.Add($"the {HouseSystemName(houses.System)} system cannot divide the sky at this latitude, so the houses here are {used} houses");
    }

    private static void AddBusiestHouse(SectionText text, ChartReading chart)
    {
        var busiest = chart.Entries
            .Where(e => e.House is not null)
            .GroupBy(e => e.House!.Value)
            .OrderByDescending(group => group.Count())
            .ThenBy(group => group.Key)
            .FirstOrDefault();
        if (busiest is null || busiest.Count() < 3)
        {
            return;
        }

        var house = HouseKnowledge.Get(busiest.Key);
        var names = busiest.Select(e => e.Name).ToList();
        text.Add($"the {Phrasing.Ordinal(busiest.Key)} house, {house.Title}, is the busiest in the chart, holding {Phrasing.JoinList(names)}, so {house.Area} draw a large share of your attention");
    }

    private static string HouseSystemName(string system) => system switch
    {
        _ when string.Equals(system, "wholeSign", StringComparison.OrdinalIgnoreCase) => "whole sign",
        _ when string.IsNullOrWhiteSpace(system) => "chosen",
        _ => Phrasing.Capitalise(system),
    };
}
