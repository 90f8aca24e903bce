using ZodiaCore.ChartService.Charts;

namespace ZodiaCore.ChartService.Transits;

/// <summary>Body of <c>POST /api/charts/transits</c>: a natal chart and the moment of the transits (default now).</summary>
public sealed record TransitRequest(
    NatalChartRequest? Natal,
    string? At = null,
    IReadOnlyList<string>? Aspects = null,
    IReadOnlyDictionary<string, double>? Orbs = null);

/// <summary>Transiting bodies (each with the natal house it crosses) and transit-to-natal aspects.</summary>
public sealed record TransitResponse(
    ChartResponse Natal,
    string At,
    double JulianDayUt,
    IReadOnlyList<BodyResponse> Transits,
    IReadOnlyList<AspectResponse> Aspects,
    IReadOnlyList<ChartWarning> Warnings);
