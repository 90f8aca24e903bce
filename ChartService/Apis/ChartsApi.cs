using Microsoft.AspNetCore.Http.HttpResults;
using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Rendering;
using ZodiaCore.ChartService.Synastry;
using ZodiaCore.ChartService.Transits;

namespace ZodiaCore.ChartService.Apis;

public static class ChartsApi
{
    public const string SvgContentType = "image/svg+xml; charset=utf-8";

    /// <summary>Maps the stateless chart endpoints (natal, natal SVG, transits, synastry) under <c>/api/charts</c>.</summary>
    public static RouteGroupBuilder MapChartsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/charts").WithTags("Charts");

        api.MapPost("/natal", CreateNatalChart)
            .WithName("CreateNatalChart")
            .WithSummary("Compute a natal chart")
            .WithDescription("Stateless: positions, houses, angles, aspects and patterns for a birth moment and place.")
            .Accepts<NatalChartRequest>("application/json")
            .AllowAnonymous();

        api.MapPost("/natal/svg", DrawNatalChart)
            .WithName("DrawNatalChart")
            .WithSummary("Draw a natal chart wheel as SVG")
            .Accepts<NatalChartRequest>("application/json")
            .Produces<string>(StatusCodes.Status200OK, "image/svg+xml")
            .AllowAnonymous();

        api.MapPost("/transits", CalculateTransits)
            .WithName("CalculateTransits")
            .WithSummary("Transits to a natal chart at a moment (default now)")
            .Accepts<TransitRequest>("application/json")
            .AllowAnonymous();

        api.MapPost("/synastry", CalculateSynastry)
            .WithName("CalculateSynastry")
            .WithSummary("Compare two natal charts: inter-chart aspects and house overlays")
            .Accepts<SynastryRequest>("application/json")
            .AllowAnonymous();

        return api;
    }

    public static Results<Ok<ChartResponse>, ValidationProblem, ProblemHttpResult> CreateNatalChart(
        NatalChartRequest? request, NatalChartBuilder builder)
    {
        var outcome = request?.BindingErrors is { } bindingErrors ? ChartOutcome.Invalid<ChartResponse>(bindingErrors) : builder.Build(request);
        if (outcome.Value is { } chart)
        {
            return TypedResults.Ok(chart);
        }

        return outcome.Errors is { } errors ? TypedResults.ValidationProblem(errors) : Problem(outcome.Problem);
    }

    public static Results<ContentHttpResult, ValidationProblem, ProblemHttpResult> DrawNatalChart(
        NatalChartRequest? request, NatalChartBuilder builder)
    {
        var outcome = request?.BindingErrors is { } bindingErrors ? ChartOutcome.Invalid<ChartResponse>(bindingErrors) : builder.Build(request);
        if (outcome.Value is { } chart)
        {
            return TypedResults.Text(ChartWheelSvg.Render(chart), SvgContentType);
        }

        return outcome.Errors is { } errors ? TypedResults.ValidationProblem(errors) : Problem(outcome.Problem);
    }

    public static Results<Ok<TransitResponse>, ValidationProblem, ProblemHttpResult> CalculateTransits(
        TransitRequest? request, TransitCalculator transits)
    {
        var outcome = request?.BindingErrors is { } bindingErrors ? ChartOutcome.Invalid<TransitResponse>(bindingErrors) : transits.Calculate(request);
        if (outcome.Value is { } value)
        {
            return TypedResults.Ok(value);
        }

        return outcome.Errors is { } errors ? TypedResults.ValidationProblem(errors) : Problem(outcome.Problem);
    }

    public static Results<Ok<SynastryResponse>, ValidationProblem, ProblemHttpResult> CalculateSynastry(
        SynastryRequest? request, SynastryCalculator synastry)
    {
        var outcome = request?.BindingErrors is { } bindingErrors ? ChartOutcome.Invalid<SynastryResponse>(bindingErrors) : synastry.Calculate(request);
        if (outcome.Value is { } value)
        {
            return TypedResults.Ok(value);
        }

        return outcome.Errors is { } errors ? TypedResults.ValidationProblem(errors) : Problem(outcome.Problem);
    }

    /// <summary>Problems other than validation keep their own status (422 ambiguity or polar refusal, 503 library missing).</summary>
    internal static ProblemHttpResult Problem(ChartProblem? problem)
    {
        problem ??= new ChartProblem(500, "Chart not computed", "No chart and no reason were produced.", "about:blank");
        return TypedResults.Problem(problem.Detail, statusCode: problem.Status, title: problem.Title, type: problem.Type, extensions: problem.Extensions);
    }
}
