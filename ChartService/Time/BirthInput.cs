namespace ZodiaCore.ChartService.Time;

/// <summary>
/// The birth moment as a client gives it: a local <see cref="Date"/> and <see cref="Time"/> with either an
/// IANA <see cref="TimeZone"/> or an explicit <see cref="UtcOffset"/>, or an instant in <see cref="Utc"/>.
/// </summary>
public sealed record BirthInput(
    string? Date = null,
    string? Time = null,
    string? TimeZone = null,
    string? UtcOffset = null,
    string? Utc = null,
    string? Disambiguation = null,
    bool? TimeUnknown = null);
