using NodaTime;
using ZodiaCore.ChartService.Charts;

namespace ZodiaCore.ChartService.Time;

/// <summary>The instant a chart is cast for, and how it was found.</summary>
// Source: "timeZone", "utcOffset" or "utc".
public sealed record ResolvedBirthMoment(
    Instant Utc,
    Offset Offset,
    string Source,
    string? TimeZone,
    bool IsLocalMeanTime,
    bool TimeUnknown,
    IReadOnlyList<ChartWarning> Warnings,
    string Calendar = BirthCalendars.Gregorian);

/// <summary>A local time the zone skips (DST gap) or repeats (overlap); the caller must choose.</summary>
public sealed record BirthTimeAmbiguity(string Kind, string Field, IReadOnlyList<BirthInstantCandidate> Candidates);

public sealed record BirthInstantCandidate(string Disambiguation, string Utc, string UtcOffset);

/// <summary>Outcome of resolving a birth input: exactly one of the three is set.</summary>
public sealed record BirthResolution(
    ResolvedBirthMoment? Moment,
    IDictionary<string, string[]>? Errors,
    BirthTimeAmbiguity? Ambiguity);
