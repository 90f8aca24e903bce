using ZodiaCore.ChartService.Caching;
using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.SavedCharts;
using ZodiaCore.ChartService.Storage;

namespace ZodiaCore.ChartService.Apis;

/// <summary>What the saved-chart handlers need, bound with [AsParameters].</summary>
public sealed record SavedChartServices(
    HttpContext Context,
    ISavedChartStore Store,
    SavedChartProtector Protector,
    NatalChartBuilder Builder,
    ChartCache Cache,
    TimeProvider Time)
{
    /// <summary>The caller's user id (the token's <c>sub</c>); the role policy has already admitted only users and admins.</summary>
    public string? CallerId => Context.User.FindFirst("sub")?.Value;
}
