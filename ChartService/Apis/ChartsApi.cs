using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using ZodiaCore.ChartService.Caching;
using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Observability;
using ZodiaCore.ChartService.Rendering;
using ZodiaCore.ChartService.Synastry;
using ZodiaCore.ChartService.Transits;

namespace ZodiaCore.ChartService.Apis;

public static class ChartsApi
{
    public const string SvgContentType = "image/svg+xml; charset=utf-8";

    private const string GatewayCacheNote = "Through the gateway, a repeated request (same body) is answered from the "
        + "gateway's cache for up to a minute, with an Age header; send Cache-Control: no-cache for a fresh computation. "
        + "With Cache-Control: no-store, a chart computed for the request is not kept in ChartService's cache either; "
        + "with no-cache, ChartService computes the chart without looking in its own cache.";

    /// <summary>Maps the stateless chart endpoints (natal, natal SVG, transits, synastry) under <c>/api/charts</c>.</summary>
    public static RouteGroupBuilder MapChartsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/charts").WithTags("Charts");

        api.MapPost("/natal", CreateNatalChart)
            .WithName("CreateNatalChart")
            .WithSummary("Compute a natal chart")
            .WithDescription("Stateless: positions, houses, angles, aspects and patterns for a birth moment and place. " + GatewayCacheNote)
            .Accepts<NatalChartRequest>("application/json")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .AllowAnonymous();

        api.MapPost("/natal/svg", DrawNatalChart)
            .WithName("DrawNatalChart")
            .WithSummary("Draw a natal chart wheel as SVG")
            .WithDescription(GatewayCacheNote)
            .Accepts<NatalChartRequest>("application/json")
            .Produces<string>(StatusCodes.Status200OK, "image/svg+xml")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .AllowAnonymous();

        api.MapPost("/transits", CalculateTransits)
            .WithName("CalculateTransits")
            .WithSummary("Transits to a natal chart at a moment (default now)")
            .Accepts<TransitRequest>("application/json")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .AllowAnonymous();

        api.MapPost("/synastry", CalculateSynastry)
            .WithName("CalculateSynastry")
            .WithSummary("Compare two natal charts: inter-chart aspects and house overlays")
            .WithDescription("Each person is a birth (first, second) or, for a signed-in user, one of their saved charts (firstChartId, secondChartId).")
            .Accepts<SynastryRequest>("application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .AllowAnonymous();

        return api;
    }

    public static async ValueTask<Results<ChartJsonResult, ValidationProblem, ProblemHttpResult>> CreateNatalChart(
        NatalChartRequest? request, NatalChartBuilder builder, ChartCache cache, HttpRequest httpRequest, CancellationToken cancellationToken)
    {
        var outcome = await BuildCachedAsync(request, builder, cache, httpRequest, cancellationToken);
        if (outcome.Value is { } chart)
        {
            return new ChartJsonResult(chart);
        }

        return outcome.Errors is { } errors ? TypedResults.ValidationProblem(errors) : Problem(outcome.Problem);
    }

    public static async ValueTask<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> DrawNatalChart(
        NatalChartRequest? request, NatalChartBuilder builder, ChartCache cache, HttpRequest httpRequest, HttpResponse response,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var outcome = await BuildCachedAsync(request, builder, cache, httpRequest, cancellationToken);
        if (outcome.Value is { } chart)
        {
            if (chart.FromFallbackEphemeris)
            {
                response.Headers.CacheControl = "no-store";
            }

            return TypedResults.Text(ChartWheelSvg.Render(chart.ReadChart()), SvgContentType);
        }

        return outcome.Errors is { } errors ? TypedResults.ValidationProblem(errors) : Problem(outcome.Problem);
    }

    public static Results<Ok<TransitResponse>, ValidationProblem, ProblemHttpResult> CalculateTransits(
        TransitRequest? request, TransitCalculator transits, ChartMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(transits);
        ArgumentNullException.ThrowIfNull(metrics);
        var started = Stopwatch.GetTimestamp();
        var outcome = transits.Calculate(request);
        if (outcome.Value is { } value)
        {
            metrics.Computed(ChartMetrics.Transits, Stopwatch.GetElapsedTime(started));
            return TypedResults.Ok(value);
        }

        return outcome.Errors is { } errors ? TypedResults.ValidationProblem(errors) : Problem(outcome.Problem);
    }

    public static async Task<Results<Ok<SynastryResponse>, ValidationProblem, ProblemHttpResult>> CalculateSynastry(
        SynastryRequest? request, SynastryCalculator synastry, ChartMetrics metrics, [AsParameters] SavedChartServices saved,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(synastry);
        ArgumentNullException.ThrowIfNull(metrics);
        var started = Stopwatch.GetTimestamp();
        if (request is not null)
        {
            var resolved = await SavedChartSynastry.ResolveAsync(request, saved, cancellationToken);
            if (resolved.Value is null)
            {
                return Problem(resolved.Problem);
            }

            request = resolved.Value;
        }

        var outcome = synastry.Calculate(request);
        if (outcome.Value is { } value)
        {
            metrics.Computed(ChartMetrics.Synastry, Stopwatch.GetElapsedTime(started));
            return TypedResults.Ok(value);
        }

        return outcome.Errors is { } errors ? TypedResults.ValidationProblem(errors) : Problem(outcome.Problem);
    }

    /// <summary>
    /// Validates and resolves the request (cheap), then takes the chart from the cache or computes it; a computed chart
    /// is cached unless the request says <c>Cache-Control: no-store</c>; with <c>no-cache</c> the cache is not read.
    /// </summary>
    private static ValueTask<ChartOutcome<CachedChart>> BuildCachedAsync(
        NatalChartRequest? request, NatalChartBuilder builder, ChartCache cache, HttpRequest httpRequest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(httpRequest);
        var prepared = builder.Prepare(request, "");
        var directives = httpRequest.Headers.CacheControl;
        var read = !HeaderUtilities.ContainsCacheDirective(directives, CacheControlHeaderValue.NoCacheString);
        var store = !HeaderUtilities.ContainsCacheDirective(directives, CacheControlHeaderValue.NoStoreString);
        return prepared.Value is { } chart
            ? cache.GetOrComputeAsync(chart, read, store, cancellationToken)
            : ValueTask.FromResult(prepared.Cast<CachedChart>());
    }

    /// <summary>Problems other than validation keep their own status (422 ambiguity or polar refusal, 503 library missing).</summary>
    internal static ProblemHttpResult Problem(ChartProblem? problem)
    {
        problem ??= new ChartProblem(500, "Chart not computed", "No chart and no reason were produced.", "about:blank");
        return TypedResults.Problem(problem.Detail, statusCode: problem.Status, title: problem.Title, type: problem.Type, extensions: problem.Extensions);
    }
}
