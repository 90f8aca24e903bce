using ZodiaCore.ChartService.Time;

namespace ZodiaCore.ChartService.Charts;

/// <summary>A validated natal request: the moment, place and settings a chart will be cast for.</summary>
public sealed record PreparedChart(
    ResolvedBirthMoment Moment,
    ChartLocation Location,
    ChartSettings Settings,
    double JulianDayUt,
    string ContentId);
