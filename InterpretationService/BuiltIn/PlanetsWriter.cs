using ZodiaCore.InterpretationService.Charts;
using ZodiaCore.InterpretationService.Interpretations;

namespace ZodiaCore.InterpretationService.BuiltIn;

/// <summary>Each body in its sign (and house, when known): the "planets" section.</summary>
internal static class PlanetsWriter
{
    // Each frame: (name, possessive, placement, subject, expression) → sentence. Placement reads "in Taurus in the 10th house".
    private static readonly Func<string, string, string, string, string, string>[] Frames =
    [
        (name, _, placement, subject, expression) => $"with {name} {placement}, {subject} {expression}",
        (name, _, placement, subject, expression) => $"{name} sits {placement}, so {subject} {expression}",
        (_, possessive, placement, subject, expression) => $"{possessive} is {placement}, which means {subject} {expression}",
        (name, _, placement, subject, expression) => $"{name} falls {placement}; here {subject} {expression}",
        (name, _, placement, subject, expression) => $"placed {placement}, {name} shows that {subject} {expression}",
        (name, _, placement, subject, expression) => $"you have {name} {placement}: {subject} {expression}",
    ];

    private static readonly Func<string, string, string>[] RetrogradeFrames =
    [
        (name, subject) => $"{name} was retrograde at birth, so {subject} tends to work inward first, reviewing and revising before it acts",
        (name, subject) => $"because {name} was moving retrograde, {subject} often turns back on itself, and second thoughts tend to be the better ones",
        (name, subject) => $"with {name} retrograde, {subject} matures slowly and privately, along a path of its own",
    ];

    private static readonly Func<string, string, SignLore, string>[] GiftFrames =
    [
        (sign, name, lore) => $"{sign} gives {name} {lore.Gift}, though {lore.Shadow}",
        (sign, name, lore) => $"what {sign} offers {name} is {lore.Gift}; the catch is that {lore.Shadow}",
        (sign, name, lore) => $"in {sign}, {name} gains {lore.Gift}, but {lore.Shadow}",
    ];

    public static string Write(ChartReading chart)
    {
        var text = new SectionText();
        var entries = chart.Length == InterpretationLength.Short
            ? chart.Entries.Where(e => BodyNames.Planets.Contains(e.Lore.Key)).ToList()
            : chart.Entries;
        if (entries.Count == 0)
        {
            text.Add("this chart lists none of the bodies the built-in reading knows, so there are no placements to describe");
            return text.ToString();
        }

        var signsGiven = new HashSet<ZodiacSign>();
        var bodiesPerSign = new Dictionary<ZodiacSign, int>();
        var retrogrades = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var sign = entry.Primary.SignLore;
            if (chart.Length == InterpretationLength.Long)
            {
                foreach (var member in entry.Members)
                {
                    text.Add(member.Lore.Meaning);
                }
            }

            // The n-th body met in a sign takes the sign's n-th expression, so a stellium does not echo itself.
            var inSign = bodiesPerSign[entry.Sign] = bodiesPerSign.GetValueOrDefault(entry.Sign) + 1;
            var expression = chart.Variety.Pick("expression-" + sign.Name, sign.Expressions, inSign);
            var frame = chart.Variety.Pick("planets", Frames, i);
            text.Add(frame(entry.Name, Possessive(entry), Placement(entry, chart.Length), entry.Lore.Subject, expression));

            if (chart.Length == InterpretationLength.Short)
            {
                continue;
            }

            if (entry.Lore.ShowsRetrograde && entry.Primary.Position.Retrograde)
            {
                text.Add(chart.Variety.Pick("retrograde", RetrogradeFrames, retrogrades++)(entry.Name, entry.Lore.Subject));
            }

            // The sign's gift and trap are told once per sign, with the first planet found there.
            if (BodyNames.Planets.Contains(entry.Lore.Key) && signsGiven.Add(entry.Sign))
            {
                text.Add(chart.Variety.Pick("gift", GiftFrames, signsGiven.Count)(sign.Name, entry.Name, sign));
            }

            text.NewParagraph();
        }

        return text.ToString();
    }

    private static string Possessive(BodyEntry entry) =>
        entry.Members.Count == 1 ? entry.Lore.Possessive : "your " + entry.Name["the ".Length..];

    private static string Placement(BodyEntry entry, InterpretationLength length)
    {
        var sign = entry.Primary.SignLore.Name;
        var where = length == InterpretationLength.Long && entry.Members.Count == 1
            ? $"at {Phrasing.DegreesAndMinutes(entry.Primary.Position.DegreeInSign, truncate: true)} {sign}"
            : $"in {sign}";
        return entry.House is { } house ? $"{where} in the {Phrasing.Ordinal(house)} house" : where;
    }
}
