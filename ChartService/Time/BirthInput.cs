namespace ZodiaCore.ChartService.Time;

/// <summary>
/// The birth moment as a client gives it: a local <see cref="Date"/> and <see cref="Time"/> with either an
/// IANA <see cref="TimeZone"/> or an explicit <see cref="UtcOffset"/>, or an instant in <see cref="Utc"/>.
/// <see cref="Calendar"/> says how <see cref="Date"/> is written: <c>gregorian</c> (default) or <c>julian</c>, as in
/// records from before a country's change of calendar (1582 in Catholic Europe, 1752 in Britain and its colonies).
/// </summary>
public sealed record BirthInput(
    string? Date = null,
    string? Time = null,
    string? TimeZone = null,
    string? UtcOffset = null,
    string? Utc = null,
    string? Disambiguation = null,
    bool? TimeUnknown = null,
    string? Calendar = null);
