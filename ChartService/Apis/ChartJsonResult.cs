using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using ZodiaCore.ChartService.Caching;
using ZodiaCore.ChartService.Charts;

namespace ZodiaCore.ChartService.Apis;

/// <summary>
/// 200 with a cached chart's JSON as it was serialised once, with its Content-Length (so the answer is not chunked);
/// documented in OpenAPI as a <see cref="ChartResponse"/>.
/// </summary>
public sealed class ChartJsonResult(CachedChart chart) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public CachedChart Chart { get; } = chart ?? throw new ArgumentNullException(nameof(chart));

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => JsonContentType;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonContentType;
        response.ContentLength = Chart.Json.Length;
        if (Chart.FromFallbackEphemeris)
        {
            // Nobody downstream (the gateway's cache, a client's) should keep a lower-precision answer.
            response.Headers.CacheControl = "no-store";
        }

        await response.BodyWriter.WriteAsync(Chart.Json, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(ChartResponse), ["application/json"]));
    }
}
