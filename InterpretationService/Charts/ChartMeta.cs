namespace ZodiaCore.InterpretationService.Charts;

/// <summary>The part of ChartService's <c>meta</c> the interpreters read; the rest (ephemeris, flags…) is not bound.</summary>
public sealed record ChartMeta(bool TimeUnknown = false, string? HouseSystem = null, string? Zodiac = null);
