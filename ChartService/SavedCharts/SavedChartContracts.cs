using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Time;

namespace ZodiaCore.ChartService.SavedCharts;

/// <summary>Body of <c>POST /api/charts</c>: the natal request plus the name the owner gives the chart.</summary>
public sealed record SaveChartRequest(string? Name, BirthInput? Birth, LocationInput? Location, ChartOptions? Options = null)
{
    public NatalChartRequest ToNatalRequest() => new(Birth, Location, Options);
}

/// <summary>A saved chart: its own random id besides the content id of the chart it holds.</summary>
public sealed record SavedChartResponse(
    string Id, string Name, DateTimeOffset CreatedAt, string ContentId, NatalChartRequest Request, ChartResponse Chart);

/// <summary>The part of a saved chart that is encrypted at rest.</summary>
public sealed record SavedChartPayload(NatalChartRequest Request, ChartResponse Chart);

/// <summary>Everything ChartService holds about one user, for IdentityService's export.</summary>
public sealed record UserChartsExport(IReadOnlyList<SavedChartResponse> Charts);
