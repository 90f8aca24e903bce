using ZodiaCore.ChartService.Charts;

namespace ZodiaCore.ChartService.Synastry;

/// <summary>
/// Body of <c>POST /api/charts/synastry</c>: two births compared. Each person is either a birth
/// (<c>first</c>, <c>second</c>) or one of the caller's saved charts (<c>firstChartId</c>, <c>secondChartId</c>).
/// </summary>
public sealed record SynastryRequest(
    NatalChartRequest? First,
    NatalChartRequest? Second,
    IReadOnlyList<string>? Aspects = null,
    IReadOnlyDictionary<string, double>? Orbs = null,
    string? FirstChartId = null,
    string? SecondChartId = null)
{
    public bool UsesSavedCharts => FirstChartId is not null || SecondChartId is not null;
}

public sealed record HouseOverlay(string Body, int House);

/// <summary>Both charts, the aspects from the first person's points to the second's, and each in the other's houses.</summary>
public sealed record SynastryResponse(
    ChartResponse First,
    ChartResponse Second,
    IReadOnlyList<AspectResponse> Aspects,
    IReadOnlyList<HouseOverlay> FirstInSecondHouses,
    IReadOnlyList<HouseOverlay> SecondInFirstHouses);
