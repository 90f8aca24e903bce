using System.Globalization;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;
using ZodiaCore.ChartService.Charts;

namespace ZodiaCore.ChartService.Time;

/// <summary>Turns a <see cref="BirthInput"/> into one UTC instant using NodaTime's tzdb (historical offsets included).</summary>
public static class BirthMomentResolver
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;
    private static readonly LocalTimePattern[] TimePatterns =
    [
        LocalTimePattern.ExtendedIso,
        LocalTimePattern.CreateWithInvariantCulture("HH':'mm"),
    ];

    private static readonly OffsetPattern[] OffsetPatterns =
    [
        OffsetPattern.CreateWithInvariantCulture("+HH':'mm"),
        OffsetPattern.CreateWithInvariantCulture("+HHmm"),
        OffsetPattern.CreateWithInvariantCulture("+HH"),
        OffsetPattern.GeneralInvariantWithZ,
    ];

    private static readonly OffsetDateTimePattern UtcPattern = OffsetDateTimePattern.ExtendedIso;

    private static readonly OffsetPattern OutputOffset = OffsetPattern.CreateWithInvariantCulture("+HH':'mm");

    private static readonly LocalTime Noon = new(12, 0);

    public static string FormatOffset(Offset offset) =>
        offset.Seconds % 60 == 0
            ? OutputOffset.Format(offset)
            : OffsetPattern.CreateWithInvariantCulture("+HH':'mm':'ss").Format(offset);

    public static string FormatUtc(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    /// <summary>Resolves <paramref name="birth"/>; an instant outside <paramref name="years"/> (those of the installed files) is an error.</summary>
    public static BirthResolution Resolve(BirthInput? birth, SupportedYears years, string field = "birth") =>
        Resolve(birth, years, DateTimeZoneProviders.Tzdb, field);

    public static BirthResolution Resolve(BirthInput? birth, SupportedYears years, IDateTimeZoneProvider zones, string field = "birth")
    {
        ArgumentNullException.ThrowIfNull(years);
        var errors = new Dictionary<string, string[]>();
        if (birth is null)
        {
            errors[field] = ["The birth moment is required."];
            return new BirthResolution(null, errors, null);
        }

        var timeUnknown = birth.TimeUnknown == true;
        if (!string.IsNullOrWhiteSpace(birth.Utc))
        {
            return ResolveUtc(birth, years, field, errors);
        }

        if (!BirthCalendars.TryParse(birth.Calendar, out var calendarName, out var calendar))
        {
            errors[$"{field}.calendar"] = [$"'{birth.Calendar}' is not a calendar this service reads: {string.Join(" or ", BirthCalendars.All)}."];
        }

        LocalDate date = default;
        if (string.IsNullOrWhiteSpace(birth.Date))
        {
            errors[$"{field}.date"] = ["Give birth.date (yyyy-MM-dd) with a time and a time zone or offset, or birth.utc."];
        }
        else
        {
            // Read in the calendar it is written in, then named in the proleptic Gregorian calendar every zone rule and
            // the ephemeris use: Julian 1700-01-01 is Gregorian 1700-01-11.
            var parsed = DatePattern.WithTemplateValue(new LocalDate(2000, 1, 1, calendar)).Parse(birth.Date.Trim());
            if (!parsed.Success)
            {
                errors[$"{field}.date"] = [$"'{birth.Date}' is not a valid date (yyyy-MM-dd)."];
            }
            else if (!years.Contains(parsed.Value.WithCalendar(CalendarSystem.Iso).Year))
            {
                errors[$"{field}.date"] = [OutsideYears(years)];
            }
            else
            {
                date = parsed.Value.WithCalendar(CalendarSystem.Iso);
            }
        }

        var time = Noon;
        if (!timeUnknown)
        {
            if (string.IsNullOrWhiteSpace(birth.Time))
            {
                errors[$"{field}.time"] = ["Give birth.time (HH:mm or HH:mm:ss), or set birth.timeUnknown to true."];
            }
            else if (!TryParseTime(birth.Time.Trim(), out time))
            {
                errors[$"{field}.time"] = [$"'{birth.Time}' is not a valid time (HH:mm or HH:mm:ss)."];
            }
        }

        var hasZone = !string.IsNullOrWhiteSpace(birth.TimeZone);
        var hasOffset = !string.IsNullOrWhiteSpace(birth.UtcOffset);
        DateTimeZone? zone = null;
        Offset offset = default;
        if (hasZone && hasOffset)
        {
            errors[$"{field}.utcOffset"] = ["Give either birth.timeZone or birth.utcOffset, not both."];
        }
        else if (hasZone)
        {
            zone = zones.GetZoneOrNull(birth.TimeZone!.Trim());
            if (zone is null)
            {
                errors[$"{field}.timeZone"] = [$"'{birth.TimeZone}' is not a known IANA time zone (e.g. Europe/London)."];
            }
        }
        else if (hasOffset)
        {
            if (!TryParseOffset(birth.UtcOffset!.Trim(), out offset))
            {
                errors[$"{field}.utcOffset"] = [$"'{birth.UtcOffset}' is not a valid UTC offset (e.g. +05:30)."];
            }
        }
        else
        {
            errors[$"{field}.timeZone"] = ["Give birth.timeZone (IANA, e.g. Europe/London) or birth.utcOffset (e.g. +05:30)."];
        }

        var disambiguation = birth.Disambiguation?.Trim();
        if (!string.IsNullOrEmpty(disambiguation) && disambiguation is not ("earlier" or "later"))
        {
            errors[$"{field}.disambiguation"] = ["Disambiguation must be \"earlier\" or \"later\"."];
        }

        if (errors.Count > 0)
        {
            return new BirthResolution(null, errors, null);
        }

        var local = date + time;
        var warnings = new List<ChartWarning>();
        if (timeUnknown)
        {
            warnings.Add(new ChartWarning(WarningCodes.TimeUnknown,
                "Birth time unknown: the chart is cast for local noon, without houses or angles; the Moon may be off by up to 7°."));
        }

        if (zone is null)
        {
            var instant = local.InZoneStrictly(DateTimeZone.ForOffset(offset)).ToInstant();
            return OutsideUtcYears(instant, years, field)
                ?? new BirthResolution(new ResolvedBirthMoment(instant, offset, "utcOffset", null, false, timeUnknown, warnings, calendarName), null, null);
        }

        var mapping = zone.MapLocal(local);
        Instant resolved;
        if (mapping.Count == 1)
        {
            resolved = mapping.Single().ToInstant();
        }
        else
        {
            var candidates = Candidates(local, mapping);
            var kind = mapping.Count == 0 ? "skipped" : "ambiguous";
            if (string.IsNullOrEmpty(disambiguation))
            {
                var described = candidates.ConvertAll(c => new BirthInstantCandidate(c.Disambiguation, FormatUtc(c.Instant), FormatOffset(c.Offset)));
                return new BirthResolution(null, null, new BirthTimeAmbiguity(kind, $"{field}.time", described));
            }

            resolved = disambiguation == "earlier" ? candidates[0].Instant : candidates[1].Instant;
            warnings.Add(mapping.Count == 0
                ? new ChartWarning(WarningCodes.SkippedResolved,
                    $"{local:uuuu-MM-dd HH:mm:ss} never happened in {zone.Id} (clocks went forward); the {disambiguation} reading was used.")
                : new ChartWarning(WarningCodes.AmbiguousResolved,
                    $"{local:uuuu-MM-dd HH:mm:ss} happened twice in {zone.Id} (clocks went back); the {disambiguation} one was used."));
        }

        var interval = zone.GetZoneInterval(resolved);
        var isLmt = interval.Name == "LMT";
        if (isLmt)
        {
            warnings.Add(new ChartWarning(WarningCodes.LocalMeanTime,
                $"The date is before {zone.Id} adopted standard time: its local mean time offset {FormatOffset(interval.WallOffset)} was used."));
        }

        return OutsideUtcYears(resolved, years, field) ?? new BirthResolution(
            new ResolvedBirthMoment(resolved, interval.WallOffset, "timeZone", zone.Id, isLmt, timeUnknown, warnings, calendarName), null, null);
    }

    private static string OutsideYears(SupportedYears years) =>
        $"Supported years are {years.Description} (the installed ephemeris range).";

    // The local date's year can be supported while its UTC instant falls in the next or previous year, which is not:
    // a block of files ends there, so the instant would silently come from Moshier.
    private static BirthResolution? OutsideUtcYears(Instant instant, SupportedYears years, string field) =>
        years.Contains(instant.InUtc().Year)
            ? null
            : new BirthResolution(null, new Dictionary<string, string[]> { [$"{field}.date"] = [OutsideYears(years)] }, null);

    private static List<CandidateInstant> Candidates(LocalDateTime local, ZoneLocalMapping mapping)
    {
        // Each side of the transition read with its own offset; sorted so "earlier" is the first instant.
        var offsets = new[] { mapping.EarlyInterval.WallOffset, mapping.LateInterval.WallOffset };
        var list = new List<CandidateInstant>(2);
        foreach (var offset in offsets)
        {
            list.Add(new CandidateInstant(local.WithOffset(offset).ToInstant(), offset));
        }

        list.Sort((a, b) => a.Instant.CompareTo(b.Instant));
        list[0] = list[0] with { Disambiguation = "earlier" };
        list[1] = list[1] with { Disambiguation = "later" };
        return list;
    }

    private static BirthResolution ResolveUtc(BirthInput birth, SupportedYears years, string field, Dictionary<string, string[]> errors)
    {
        if (!string.IsNullOrWhiteSpace(birth.Date) || !string.IsNullOrWhiteSpace(birth.Time)
            || !string.IsNullOrWhiteSpace(birth.TimeZone) || !string.IsNullOrWhiteSpace(birth.UtcOffset))
        {
            errors[$"{field}.utc"] = ["Give either birth.utc or a local date and time, not both."];
        }

        if (birth.TimeUnknown == true)
        {
            errors[$"{field}.timeUnknown"] = ["An exact instant (birth.utc) cannot have an unknown time."];
        }

        if (!BirthCalendars.TryParse(birth.Calendar, out var calendar, out _) || calendar != BirthCalendars.Gregorian)
        {
            errors[$"{field}.calendar"] = ["birth.utc is an ISO-8601 instant, always Gregorian; birth.calendar applies to birth.date."];
        }

        var parsed = UtcPattern.Parse(birth.Utc!.Trim());
        if (!parsed.Success)
        {
            errors[$"{field}.utc"] = [$"'{birth.Utc}' is not an ISO-8601 instant (e.g. 1990-05-15T13:30:00Z)."];
        }
        else if (!years.Contains(parsed.Value))
        {
            errors[$"{field}.utc"] = [OutsideYears(years)];
        }

        if (errors.Count > 0)
        {
            return new BirthResolution(null, errors, null);
        }

        // The offset the caller wrote is the local time they mean, so it is the one the chart reports.
        var written = parsed.Value;
        return new BirthResolution(new ResolvedBirthMoment(written.ToInstant(), written.Offset, "utc", null, false, false, []), null, null);
    }

    private static bool TryParseTime(string text, out LocalTime time)
    {
        foreach (var pattern in TimePatterns)
        {
            var result = pattern.Parse(text);
            if (result.Success)
            {
                time = result.Value;
                return true;
            }
        }

        time = default;
        return false;
    }

    private static bool TryParseOffset(string text, out Offset offset)
    {
        foreach (var pattern in OffsetPatterns)
        {
            var result = pattern.Parse(text);
            if (result.Success)
            {
                offset = result.Value;
                return true;
            }
        }

        offset = default;
        return false;
    }

    private sealed record CandidateInstant(Instant Instant, Offset Offset, string Disambiguation = "");
}
