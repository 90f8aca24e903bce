using ZodiaCore.ServiceDefaults.Apis;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using ZodiaCore.ChartService.Rendering;
using ZodiaCore.ChartService.SavedCharts;
using ZodiaCore.ChartService.Storage;

namespace ZodiaCore.ChartService.Apis;

public static class SavedChartsApi
{
    public const int MaxNameLength = 100;

    /// <summary>
    /// Maps the caller's saved charts under <c>/api/charts</c> (save, list, read, delete, draw), for users and admins only;
    /// another user's chart answers 404 as if it did not exist.
    /// </summary>
    public static RouteGroupBuilder MapSavedChartsApi(this IEndpointRouteBuilder app)
    {
        // Service tokens are valid bearer tokens too; only people own charts.
        var api = app.MapGroup("/api/charts").WithTags("Saved charts")
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireRole("user", "admin"));

        api.MapPost("/", SaveChart).WithName("SaveChart").WithSummary("Compute a natal chart and save it under a name")
            .Accepts<SaveChartRequest>("application/json").ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/", ListCharts).WithName("ListCharts").WithSummary("The caller's saved charts, newest first");
        api.MapGet("/{id}", GetChart).WithName("GetChart").WithSummary("One saved chart with its request and computed chart");
        api.MapDelete("/{id}", DeleteChart).WithName("DeleteChart").WithSummary("Delete a saved chart");
        api.MapGet("/{id}/svg", DrawChart).WithName("DrawSavedChart").WithSummary("Draw a saved chart wheel as SVG")
            .Produces<string>(StatusCodes.Status200OK, "image/svg+xml");
        return api;
    }

    public static async Task<Results<Created<SavedChartResponse>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> SaveChart(
        SaveChartRequest? request, [AsParameters] SavedChartServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.CallerId is not { } userId)
        {
            return TypedResults.Forbid();
        }

        var name = request?.Name?.Trim();
        var natal = request?.ToNatalRequest();
        var prepared = services.Builder.Prepare(natal, "");
        var errors = prepared.Errors is null ? new Dictionary<string, string[]>() : new Dictionary<string, string[]>(prepared.Errors);
        if (request is not null && string.IsNullOrEmpty(name))
        {
            errors["name"] = ["A name is required."];
        }
        else if (name is { Length: > MaxNameLength })
        {
            errors["name"] = [$"The name is at most {MaxNameLength} characters."];
        }
        else if (name is not null && name.Any(char.IsControl))
        {
            errors["name"] = ["The name has no control characters (line breaks, tabs, NUL)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (prepared.Value is not { } chartInput)
        {
            return ChartsApi.Problem(prepared.Problem);
        }

        var outcome = await services.Cache.GetOrComputeAsync(chartInput, cancellationToken);
        if (outcome.Value?.ReadChart() is not { } chart)
        {
            return ChartsApi.Problem(outcome.Problem);
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var createdAt = services.Time.GetUtcNow();
        // Stored to the millisecond, as both stores keep dates; the answer then equals what a later read returns.
        createdAt = createdAt.AddTicks(-(createdAt.Ticks % TimeSpan.TicksPerMillisecond));
        var record = new SavedChartRecord(id, userId, name!, createdAt, chart.ContentId,
            services.Protector.Seal(id, new SavedChartPayload(natal!, chart)));
        await services.Store.InsertAsync(record, cancellationToken);
        return TypedResults.Created($"/api/charts/{id}", new SavedChartResponse(id, record.Name, createdAt, chart.ContentId, natal!, chart));
    }

    public static async Task<Results<Ok<PagedResult<SavedChartSummary>>, ValidationProblem, ForbidHttpResult>> ListCharts(
        [AsParameters] SavedChartServices services, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.CallerId is not { } userId)
        {
            return TypedResults.Forbid();
        }

        var errors = Paging.Check(page, pageSize, out var resolvedPage, out var resolvedPageSize);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await services.Store.ListAsync(userId, resolvedPage, resolvedPageSize, cancellationToken));
    }

    public static async Task<Results<Ok<SavedChartResponse>, NotFound, ForbidHttpResult>> GetChart(
        string id, [AsParameters] SavedChartServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.CallerId is not { } userId)
        {
            return TypedResults.Forbid();
        }

        var record = await services.Store.FindAsync(userId, id, cancellationToken);
        return record is null ? TypedResults.NotFound() : TypedResults.Ok(services.Protector.Open(record));
    }

    public static async Task<Results<NoContent, NotFound, ForbidHttpResult>> DeleteChart(
        string id, [AsParameters] SavedChartServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.CallerId is not { } userId)
        {
            return TypedResults.Forbid();
        }

        return await services.Store.DeleteAsync(userId, id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    public static async Task<Results<ContentHttpResult, NotFound, ForbidHttpResult>> DrawChart(
        string id, [AsParameters] SavedChartServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.CallerId is not { } userId)
        {
            return TypedResults.Forbid();
        }

        var record = await services.Store.FindAsync(userId, id, cancellationToken);
        return record is null
            ? TypedResults.NotFound()
            : TypedResults.Text(ChartWheelSvg.Render(services.Protector.Open(record).Chart), ChartsApi.SvgContentType);
    }
}
