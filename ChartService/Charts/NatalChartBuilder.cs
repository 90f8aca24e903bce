using System.Globalization;
using ZodiaCore.ChartService.Aspects;
using ZodiaCore.ChartService.Ephemeris;
using ZodiaCore.ChartService.Houses;
using ZodiaCore.ChartService.Time;

namespace ZodiaCore.ChartService.Charts;

/// <summary>Validates a natal request and composes the full chart response from the engine's frame.</summary>
public sealed class NatalChartBuilder(ChartEngine engine, ContentId contentIds)
{
    /// <summary><c>meta.ephemerisSource</c> of a chart computed without ephemeris files for its date.</summary>
    public const string MoshierSource = "moshier";

    private static readonly string[] PhaseNames =
    [
        "newMoon", "waxingCrescent", "firstQuarter", "waxingGibbous", "fullMoon", "waningGibbous", "lastQuarter",
        "waningCrescent",
    ];

    [ThreadStatic]
    private static ChartFrame? threadFrame;

    public ChartEngine Engine { get; } = engine;

    public ChartOutcome<ChartResponse> Build(NatalChartRequest? request)
    {
        var prepared = Prepare(request, "");
        return prepared.Value is null ? prepared.Cast<ChartResponse>() : Compose(prepared.Value);
    }

    /// <summary>Validates and resolves the request; <paramref name="prefix"/> prefixes field names (e.g. "first.").</summary>
    public ChartOutcome<PreparedChart> Prepare(NatalChartRequest? request, string prefix)
    {
        if (!SwissEphemeris.LibraryAvailable)
        {
            return ChartOutcome.Failed<PreparedChart>(Unavailable());
        }

        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            errors[prefix.Length == 0 ? "body" : prefix.TrimEnd('.')] = ["A chart request (birth, location, options) is required."];
            return ChartOutcome.Invalid<PreparedChart>(errors);
        }

        var resolution = BirthMomentResolver.Resolve(request.Birth, Engine.Ephemeris.Years, prefix + "birth");
        if (resolution.Errors is not null)
        {
            foreach (var (key, value) in resolution.Errors)
            {
                errors[key] = value;
            }
        }

        var location = ChartLocation.Parse(request.Location, prefix + "location", errors);
        var settings = ChartSettings.Parse(request.Options, prefix + "options", errors);
        if (errors.Count > 0)
        {
            return ChartOutcome.Invalid<PreparedChart>(errors);
        }

        if (resolution.Ambiguity is { } ambiguity)
        {
            return ChartOutcome.Failed<PreparedChart>(AmbiguityProblem(ambiguity));
        }

        var moment = resolution.Moment!;
        var jd = JulianDay.FromInstant(moment.Utc);
        return new ChartOutcome<PreparedChart>(new PreparedChart(moment, location, settings, jd, contentIds.Of(moment, location, settings)));
    }

    public ChartOutcome<ChartResponse> Compose(PreparedChart chart)
    {
        var (moment, location, settings, jd, _) = chart;
        var frame = threadFrame ??= new ChartFrame();
        var request = new ChartFrameRequest(
            jd, location.Latitude, location.Longitude, location.Altitude, settings.Bodies, settings.AspectRules,
            settings.HouseSystem, !moment.TimeUnknown, settings.PolarHouses, settings.SiderealMode, settings.Topocentric,
            settings.AspectBodyMask);
        Engine.Compute(request, frame);

        if (frame.HasHouses && frame.Houses.PolarRefused)
        {
            return ChartOutcome.Failed<ChartResponse>(PolarProblem(chart));
        }

        return new ChartOutcome<ChartResponse>(ComposeResponse(chart, frame));
    }

    private static ChartResponse ComposeResponse(PreparedChart chart, ChartFrame frame)
    {
        var (moment, location, settings, jd, contentId) = chart;
        var warnings = new List<ChartWarning>(moment.Warnings);
        var hasHouses = frame.HasHouses;
        var cusps = frame.Cusps;
        var flags = ChartEngine.FlagsFor(settings.SiderealMode, settings.Topocentric);

        var bodies = new List<BodyResponse>(frame.BodyCount);
        var bodyNames = new string[frame.BodyCount];
        var fire = 0;
        var earth = 0;
        var air = 0;
        var water = 0;
        var modality = new int[3];
        var planetLongitudes = new List<double>(BodyCatalog.PlanetCount);
        var planetNames = new List<string>(BodyCatalog.PlanetCount);
        double? sun = null;
        double? moon = null;
        for (var i = 0; i < frame.BodyCount; i++)
        {
            var body = frame.Bodies[i];
            bodyNames[i] = BodyCatalog.Name(body);
            if (frame.ReturnFlags[i] < 0)
            {
                SwissEphemeris.Calculate(jd, body, flags, out _, out var error);
                warnings.Add(new ChartWarning(WarningCodes.BodyUnavailable, $"{bodyNames[i]} could not be computed: {error}"));
                continue;
            }

            var p = frame.Positions[i];
            var sign = Zodiac.SignIndex(p.Longitude);
            bodies.Add(BodyResponse.From(bodyNames[i], p, settings.Sidereal, hasHouses ? HouseCalculator.HouseOf(p.Longitude, cusps) : null));

            if (BodyCatalog.IsPlanet(body))
            {
                switch (Zodiac.ElementOf(sign))
                {
                    case 0: fire++; break;
                    case 1: earth++; break;
                    case 2: air++; break;
                    default: water++; break;
                }

                modality[Zodiac.ModalityOf(sign)]++;
                planetLongitudes.Add(p.Longitude);
                planetNames.Add(bodyNames[i]);
                sun = body == Body.Sun ? p.Longitude : sun;
                moon = body == Body.Moon ? p.Longitude : moon;
            }
        }

        HousesResponse? houses = null;
        AnglesResponse? angles = null;
        ChartRulerResponse? ruler = null;
        if (hasHouses)
        {
            var list = new double[12];
            cusps[1..13].CopyTo(list);
            houses = new HousesResponse(HouseSystems.Name(settings.HouseSystem), HouseSystems.Name(frame.Houses.SystemUsed), list);
            var ascmc = frame.AscMc;
            angles = new AnglesResponse(ascmc[0], ascmc[1], Angles.Normalize(ascmc[0] + 180), Angles.Normalize(ascmc[1] + 180), ascmc[3]);
            ruler = ChartRuler(frame, ascmc[0], cusps);
            if (frame.Houses.PolarFallback)
            {
                warnings.Add(new ChartWarning(WarningCodes.PolarFallback, string.Create(CultureInfo.InvariantCulture,
                    $"{HouseSystems.Name(settings.HouseSystem)} houses cannot be drawn at latitude {location.Latitude:0.####} (beyond 90° minus the obliquity); {HouseSystems.Name(frame.Houses.SystemUsed)} houses were used.")));
            }
        }

        var aspects = new List<AspectResponse>(frame.AspectCount);
        foreach (var hit in frame.Aspects)
        {
            aspects.Add(new AspectResponse(
                PointName(frame, hit.First, bodyNames), PointName(frame, hit.Second, bodyNames), AspectKinds.Name(hit.Kind),
                AspectKinds.ExactAngle(hit.Kind), hit.Separation, Math.Abs(hit.Orb), hit.Motion == 0 ? null : hit.Motion > 0));
        }

        var patterns = new List<PatternResponse>();
        foreach (var pattern in PatternFinder.Find(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(planetLongitudes), settings.AspectRules))
        {
            var names = new string[pattern.Points.Length];
            for (var k = 0; k < names.Length; k++)
            {
                names[k] = planetNames[pattern.Points[k]];
            }

            patterns.Add(new PatternResponse(
                pattern.Kind, names, pattern.Apex is { } apex ? planetNames[apex] : null,
                pattern.Sign is { } s ? Zodiac.SignName(s) : null));
        }

        double? ayanamsa = settings.Sidereal ? SwissEphemeris.AyanamsaValue(jd, ChartEngine.PositionFlags) : null;
        var source = frame.UsedMoshier ? MoshierSource : "swissEphemeris";
        if (frame.UsedMoshier)
        {
            warnings.Add(new ChartWarning(WarningCodes.MoshierFallback,
                "The Swiss Ephemeris files are not installed on this server: positions come from the Moshier analytical ephemeris (about 1\" less precise)."));
        }

        var offset = BirthMomentResolver.FormatOffset(moment.Offset);
        var meta = new ChartMeta(
            HouseSystems.Name(settings.HouseSystem), hasHouses ? HouseSystems.Name(frame.Houses.SystemUsed) : null,
            HouseSystems.Name(settings.PolarHouses), settings.Zodiac, settings.Ayanamsa, ayanamsa, settings.NodeType,
            LilithKinds(frame), settings.Topocentric, flags, FlagNames(flags), jd,
            SwissEphemeris.DeltaT(jd, ChartEngine.PositionFlags) * 86400.0, JulianDay.TimeScale, offset, moment.Source,
            moment.TimeZone, moment.Calendar, moment.IsLocalMeanTime, moment.TimeUnknown, source, SwissEphemeris.LibraryVersion);

        MoonPhaseResponse? phase = null;
        if (sun is { } s0 && moon is { } m0)
        {
            var elongation = Angles.Normalize(m0 - s0);
            phase = new MoonPhaseResponse(
                PhaseNames[(int)(Angles.Normalize(elongation + 22.5) / 45.0) % 8], elongation,
                (1 - Math.Cos(elongation * Math.PI / 180.0)) / 2);
        }

        return new ChartResponse(
            contentId, BirthMomentResolver.FormatUtc(moment.Utc), offset, jd, bodies, houses, angles, aspects,
            new ElementBalance(fire, earth, air, water), new ModalityBalance(modality[0], modality[1], modality[2]),
            phase, ruler, patterns, ayanamsa, meta, warnings);
    }

    private static ChartRulerResponse ChartRuler(ChartFrame frame, double ascendant, ReadOnlySpan<double> cusps)
    {
        var ascSign = Zodiac.SignIndex(ascendant);
        var ruler = Zodiac.RulerOf(ascSign);
        for (var i = 0; i < frame.BodyCount; i++)
        {
            if (frame.Bodies[i] == ruler && frame.ReturnFlags[i] >= 0)
            {
                var lon = frame.Positions[i].Longitude;
                return new ChartRulerResponse(BodyCatalog.Name(ruler), Zodiac.SignName(ascSign), Zodiac.SignName(Zodiac.SignIndex(lon)), HouseCalculator.HouseOf(lon, cusps));
            }
        }

        return new ChartRulerResponse(BodyCatalog.Name(ruler), Zodiac.SignName(ascSign), null, null);
    }

    // From the bodies actually computed: one asked for but unavailable at this date is not reported either.
    private static string? LilithKinds(ChartFrame frame)
    {
        var mean = false;
        var osculating = false;
        for (var i = 0; i < frame.BodyCount; i++)
        {
            if (frame.ReturnFlags[i] >= 0)
            {
                mean |= frame.Bodies[i] == Body.Lilith;
                osculating |= frame.Bodies[i] == Body.OsculatingLilith;
            }
        }

        return (mean, osculating) switch
        {
            (true, true) => "meanApogee,osculatingApogee",
            (true, false) => "meanApogee",
            (false, true) => "osculatingApogee",
            _ => null,
        };
    }

    private static string PointName(ChartFrame frame, byte point, string[] bodyNames) =>
        frame.PointBody[point] switch
        {
            ChartEngine.AscendantPoint => "ascendant",
            ChartEngine.MidheavenPoint => "midheaven",
            var index => bodyNames[index],
        };

    private static List<string> FlagNames(int flags)
    {
        var names = new List<string>(4) { "SEFLG_SWIEPH", "SEFLG_SPEED" };
        if ((flags & SweConstants.FlagSidereal) != 0)
        {
            names.Add("SEFLG_SIDEREAL");
        }

        if ((flags & SweConstants.FlagTopocentric) != 0)
        {
            names.Add("SEFLG_TOPOCTR");
        }

        return names;
    }

    internal static ChartProblem Unavailable() => new(
        503, "Swiss Ephemeris library unavailable", SwissEphemeris.LibraryError ?? "The library could not be loaded.",
        "https://zodiacore.dev/problems/ephemeris-unavailable");

    private static ChartProblem AmbiguityProblem(BirthTimeAmbiguity ambiguity) => new(
        422,
        ambiguity.Kind == "skipped" ? "Local time does not exist" : "Local time is ambiguous",
        ambiguity.Kind == "skipped"
            ? "The clocks went forward over this local time. Set birth.disambiguation to \"earlier\" or \"later\" to choose one of the candidate instants."
            : "The clocks went back over this local time, so it happened twice. Set birth.disambiguation to \"earlier\" or \"later\" to choose one of the candidate instants.",
        "https://zodiacore.dev/problems/" + (ambiguity.Kind == "skipped" ? "time-skipped" : "time-ambiguous"),
        new Dictionary<string, object?> { ["field"] = ambiguity.Field, ["candidates"] = ambiguity.Candidates });

    private static ChartProblem PolarProblem(PreparedChart chart) => new(
        422,
        "House system unavailable at this latitude",
        string.Create(CultureInfo.InvariantCulture,
            $"{HouseSystems.Name(chart.Settings.HouseSystem)} houses cannot be drawn at latitude {chart.Location.Latitude:0.####} (beyond 90° minus the obliquity). Set options.polarHouses to \"porphyry\" or \"wholeSign\", or choose another house system."),
        "https://zodiacore.dev/problems/houses-polar",
        new Dictionary<string, object?> { ["field"] = "options.houseSystem" });
}
