using System.Globalization;
using ZodiaCore.ChartService.Aspects;
using ZodiaCore.ChartService.Ephemeris;
using ZodiaCore.ChartService.Houses;

namespace ZodiaCore.ChartService.Charts;

/// <summary>Chart options after validation, with every default filled in.</summary>
public sealed record ChartSettings(
    HouseSystem HouseSystem,
    PolarHouses PolarHouses,
    string? Ayanamsa,
    int SiderealMode,
    string NodeType,
    Body[] Bodies,
    AspectRule[] AspectRules,
    bool Topocentric)
{
    public const string Tropical = "tropical";
    public const string SiderealZodiac = "sidereal";

    public static ChartSettings Default { get; } = new(
        HouseSystem.Placidus, PolarHouses.Porphyry, null, -1, "true", BodyCatalog.Defaults.ToArray(),
        AspectKinds.MajorRules.ToArray(), false);

    public bool Sidereal => SiderealMode >= 0;

    public string Zodiac => Sidereal ? SiderealZodiac : Tropical;

    /// <summary>Bodies that take part in aspects and patterns: all but the node kind not chosen.</summary>
    public uint AspectBodyMask => ~(1u << (int)(NodeType == "mean" ? Body.TrueNode : Body.MeanNode));

    public static ChartSettings Parse(ChartOptions? options, string field, IDictionary<string, string[]> errors)
    {
        if (options is null)
        {
            return Default;
        }

        var houseSystem = HouseSystem.Placidus;
        if (options.HouseSystem is not null && !HouseSystems.TryParse(options.HouseSystem, out houseSystem))
        {
            errors[$"{field}.houseSystem"] = [$"Unknown house system '{options.HouseSystem}'. Use one of: {string.Join(", ", HouseSystems.All)}."];
        }

        var polar = PolarHouses.Porphyry;
        if (options.PolarHouses is not null && !HouseSystems.TryParse(options.PolarHouses, out polar))
        {
            errors[$"{field}.polarHouses"] = [$"Use one of: {string.Join(", ", HouseSystems.PolarChoices)}."];
        }

        var zodiac = options.Zodiac ?? Tropical;
        if (!string.Equals(zodiac, Tropical, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(zodiac, SiderealZodiac, StringComparison.OrdinalIgnoreCase))
        {
            errors[$"{field}.zodiac"] = ["Zodiac must be \"tropical\" or \"sidereal\"."];
        }

        var sidereal = string.Equals(zodiac, SiderealZodiac, StringComparison.OrdinalIgnoreCase);
        string? ayanamsaName = null;
        var mode = -1;
        if (options.Ayanamsa is not null || sidereal)
        {
            if (!Ephemeris.Ayanamsa.TryParse(options.Ayanamsa ?? Ephemeris.Ayanamsa.Default, out var canonical, out var parsedMode))
            {
                errors[$"{field}.ayanamsa"] = [$"Unknown ayanamsa '{options.Ayanamsa}'. Use one of: {string.Join(", ", Ephemeris.Ayanamsa.Names)}."];
            }
            else if (sidereal)
            {
                ayanamsaName = canonical;
                mode = parsedMode;
            }
        }

        var nodeType = options.NodeType ?? "true";
        if (nodeType is not ("true" or "mean"))
        {
            errors[$"{field}.nodeType"] = ["Node type must be \"true\" or \"mean\"."];
        }

        return new ChartSettings(
            houseSystem, polar, ayanamsaName, mode, nodeType, ParseBodies(options.Bodies, field, errors),
            ParseAspects(options.Aspects, options.Orbs, field, errors), options.Topocentric == true);
    }

    /// <summary>Aspect names (or "majors"/"minors") and per-kind orbs; null names mean the five majors.</summary>
    public static AspectRule[] ParseAspects(
        IReadOnlyList<string>? names, IReadOnlyDictionary<string, double>? orbs, string field, IDictionary<string, string[]> errors,
        double? defaultOrb = null)
    {
        var chosen = new bool[AspectKinds.All.Count];
        if (names is null)
        {
            for (var i = 0; i <= (int)AspectKind.Sextile; i++)
            {
                chosen[i] = true;
            }
        }
        else
        {
            for (var n = 0; n < names.Count; n++)
            {
                var name = names[n];
                if (string.Equals(name, "majors", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "minors", StringComparison.OrdinalIgnoreCase))
                {
                    var majors = string.Equals(name, "majors", StringComparison.OrdinalIgnoreCase);
                    for (var i = 0; i < chosen.Length; i++)
                    {
                        chosen[i] |= AspectKinds.IsMajor((AspectKind)i) == majors;
                    }
                }
                else if (AspectKinds.TryParse(name, out var kind))
                {
                    chosen[(int)kind] = true;
                }
                else
                {
                    errors[$"{field}.aspects[{n}]"] = [$"Unknown aspect '{name}'. Use one of: {string.Join(", ", AspectKinds.All)}, majors, minors."];
                }
            }
        }

        var orbFor = new double[chosen.Length];
        for (var i = 0; i < orbFor.Length; i++)
        {
            orbFor[i] = defaultOrb ?? AspectKinds.DefaultOrb((AspectKind)i);
        }

        if (orbs is not null)
        {
            foreach (var (name, orb) in orbs)
            {
                if (!AspectKinds.TryParse(name, out var kind))
                {
                    errors[$"{field}.orbs.{name}"] = [$"Unknown aspect '{name}'."];
                }
                else if (!(orb >= 0 && orb <= AspectKinds.MaxOrb))
                {
                    errors[$"{field}.orbs.{name}"] = [string.Create(CultureInfo.InvariantCulture, $"Orb must be between 0 and {AspectKinds.MaxOrb} degrees.")];
                }
                else
                {
                    orbFor[(int)kind] = orb;
                }
            }
        }

        var rules = new List<AspectRule>();
        for (var i = 0; i < chosen.Length; i++)
        {
            if (chosen[i])
            {
                rules.Add(AspectKinds.Rule((AspectKind)i, orbFor[i]));
            }
        }

        return [.. rules];
    }

    private static Body[] ParseBodies(IReadOnlyList<string>? names, string field, IDictionary<string, string[]> errors)
    {
        if (names is null)
        {
            return BodyCatalog.Defaults.ToArray();
        }

        if (names.Count == 0)
        {
            errors[$"{field}.bodies"] = ["Give at least one body, or leave bodies out for the default set."];
            return [];
        }

        var chosen = new bool[BodyCatalog.Count];
        for (var n = 0; n < names.Count; n++)
        {
            if (BodyCatalog.TryParse(names[n], out var body))
            {
                chosen[(int)body] = true;
            }
            else
            {
                errors[$"{field}.bodies[{n}]"] = [$"Unknown body '{names[n]}'."];
            }
        }

        var bodies = new List<Body>();
        for (var i = 0; i < chosen.Length; i++)
        {
            if (chosen[i])
            {
                bodies.Add((Body)i);
            }
        }

        return [.. bodies];
    }
}
