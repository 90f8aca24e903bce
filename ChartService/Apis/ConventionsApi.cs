using Microsoft.AspNetCore.Http.HttpResults;
using ZodiaCore.ChartService.Aspects;
using ZodiaCore.ChartService.Ephemeris;
using ZodiaCore.ChartService.Houses;
using ZodiaCore.ChartService.Time;

namespace ZodiaCore.ChartService.Apis;

/// <summary>What a client may ask for: the names every chart request accepts, so forms need no hard-coded lists.</summary>
public static class ConventionsApi
{
    // Built once: the names are the same for the life of the process.
    private static readonly string[] Zodiacs = ["tropical", "sidereal"];
    private static readonly string[] Ayanamsas = [.. Ayanamsa.Names];
    private static readonly string[] DefaultBodies = [.. BodyCatalog.Defaults.ToArray().Select(BodyCatalog.Name)];
    private static readonly AspectConvention[] Aspects =
        [.. Enum.GetValues<AspectKind>().Select(k => new AspectConvention(AspectKinds.Name(k), AspectKinds.ExactAngle(k), AspectKinds.DefaultOrb(k), AspectKinds.IsMajor(k)))];

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

    public static Ok<ChartConventions> GetConventions(SwissEphemeris ephemeris)
    {
        ArgumentNullException.ThrowIfNull(ephemeris);
        var years = ephemeris.Years;
        return TypedResults.Ok(new ChartConventions(
            HouseSystems.All, HouseSystems.PolarChoices, Zodiacs, Ayanamsas, DefaultBodies, Aspects, years.First, years.Last, years.Spans,
            BirthCalendars.All));
    }
}

/// <summary>The names and defaults chart requests accept; the supported years may have gaps between MinYear and MaxYear.</summary>
public sealed record ChartConventions(
    IReadOnlyList<string> HouseSystems,
    IReadOnlyList<string> PolarHouses,
    IReadOnlyList<string> Zodiacs,
    IReadOnlyList<string> Ayanamsas,
    IReadOnlyList<string> DefaultBodies,
    IReadOnlyList<AspectConvention> Aspects,
    int MinYear,
    int MaxYear,
    IReadOnlyList<YearSpan> SupportedYears,
    IReadOnlyList<string> Calendars);

/// <summary>One aspect kind: its exact angle and default orb in degrees.</summary>
public sealed record AspectConvention(string Name, double Angle, double DefaultOrb, bool Major);
