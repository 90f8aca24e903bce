using Microsoft.AspNetCore.Http.HttpResults;
using ZodiaCore.ChartService.Aspects;
using ZodiaCore.ChartService.Ephemeris;
using ZodiaCore.ChartService.Houses;
using ZodiaCore.ChartService.Time;

namespace ZodiaCore.ChartService.Apis;

/// <summary>What a client may ask for: the names every chart request accepts, so forms need no hard-coded lists.</summary>
public static class ConventionsApi
{
    // Built once: the answer is the same for the life of the process.
    private static readonly ChartConventions Conventions = new(
        HouseSystems.All,
        HouseSystems.PolarChoices,
        ["tropical", "sidereal"],
        [.. Ayanamsa.Names],
        [.. BodyCatalog.Defaults.ToArray().Select(BodyCatalog.Name)],
        [.. Enum.GetValues<AspectKind>().Select(k => new AspectConvention(AspectKinds.Name(k), AspectKinds.ExactAngle(k), AspectKinds.DefaultOrb(k), AspectKinds.IsMajor(k)))],
        SupportedRange.MinYear,
        SupportedRange.MaxYear);

    /// <summary>Maps GET /api/charts/conventions (anonymous).</summary>
    public static IEndpointRouteBuilder MapConventionsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/charts/conventions", GetConventions)
            .WithTags("Charts")
            .WithName("GetChartConventions")
            .WithSummary("House systems, zodiacs, ayanamsas, default bodies, aspects with default orbs and the supported years")
            .AllowAnonymous();
        return app;
    }

    public static Ok<ChartConventions> GetConventions() => TypedResults.Ok(Conventions);
}

/// <summary>The names and defaults chart requests accept.</summary>
public sealed record ChartConventions(
    IReadOnlyList<string> HouseSystems,
    IReadOnlyList<string> PolarHouses,
    IReadOnlyList<string> Zodiacs,
    IReadOnlyList<string> Ayanamsas,
    IReadOnlyList<string> DefaultBodies,
    IReadOnlyList<AspectConvention> Aspects,
    int MinYear,
    int MaxYear);

/// <summary>One aspect kind: its exact angle and default orb in degrees.</summary>
public sealed record AspectConvention(string Name, double Angle, double DefaultOrb, bool Major);
