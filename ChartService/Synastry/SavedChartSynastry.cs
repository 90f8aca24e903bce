using ZodiaCore.ChartService.Apis;
using ZodiaCore.ChartService.Charts;

namespace ZodiaCore.ChartService.Synastry;

/// <summary>Replaces <c>firstChartId</c>/<c>secondChartId</c> with the births the caller saved under those ids.</summary>
public static class SavedChartSynastry
{
    /// <summary>
    /// The request with saved charts resolved, or a problem: 401 when ids are given without a signed-in caller, 403 for a service token,
    /// 404 (naming the field) when an id is not one of the caller's charts — another user's chart does not exist for them.
    /// </summary>
    public static async Task<ChartOutcome<SynastryRequest>> ResolveAsync(
        SynastryRequest request, SavedChartServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(services);
        if (!request.UsesSavedCharts)
        {
            return new ChartOutcome<SynastryRequest>(request);
        }

        var user = services.Context.User;
        if (services.CallerId is not { } userId)
        {
            return Problem(StatusCodes.Status401Unauthorized, "Sign-in required",
                "Saved charts (firstChartId, secondChartId) can be compared only by their signed-in owner.", null);
        }

        // Service tokens are valid bearer tokens too; only people own charts (as on the saved-chart endpoints).
        if (!(user.IsInRole("user") || user.IsInRole("admin")))
        {
            return Problem(StatusCodes.Status403Forbidden, "Forbidden", "Only people own saved charts.", null);
        }

        // An id given beside a birth is left for the calculator, which reports the conflict on its field.
        if (request.FirstChartId is { } firstId && request.First is null)
        {
            if (await FindAsync(services, userId, firstId, cancellationToken) is not { } first)
            {
                return NotFound("firstChartId");
            }

            request = request with { First = first, FirstChartId = null };
        }

        if (request.SecondChartId is { } secondId && request.Second is null)
        {
            if (await FindAsync(services, userId, secondId, cancellationToken) is not { } second)
            {
                return NotFound("secondChartId");
            }

            request = request with { Second = second, SecondChartId = null };
        }

        return new ChartOutcome<SynastryRequest>(request);
    }

    private static async Task<NatalChartRequest?> FindAsync(SavedChartServices services, string userId, string id, CancellationToken cancellationToken) =>
        await services.Store.FindAsync(userId, id, cancellationToken) is { } record ? services.Protector.Open(record).Request : null;

    private static ChartOutcome<SynastryRequest> NotFound(string field) =>
        Problem(StatusCodes.Status404NotFound, "Saved chart not found", $"{field}: the caller has no saved chart with this id.", field);

    private static ChartOutcome<SynastryRequest> Problem(int status, string title, string detail, string? field) =>
        new(null, Problem: new ChartProblem(status, title, detail, "about:blank",
            field is null ? null : new Dictionary<string, object?> { ["field"] = field }));
}
