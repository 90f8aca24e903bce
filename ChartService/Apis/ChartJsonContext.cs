using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.SavedCharts;
using ZodiaCore.ChartService.Storage;
using ZodiaCore.ChartService.Synastry;
using ZodiaCore.ChartService.Transits;

namespace ZodiaCore.ChartService.Apis;

/// <summary>Source-generated (reflection-free) JSON for the chart contracts, camelCase as the API promises.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(NatalChartRequest))]
[JsonSerializable(typeof(ChartResponse))]
[JsonSerializable(typeof(TransitRequest))]
[JsonSerializable(typeof(TransitResponse))]
[JsonSerializable(typeof(SynastryRequest))]
[JsonSerializable(typeof(SynastryResponse))]
[JsonSerializable(typeof(SaveChartRequest))]
[JsonSerializable(typeof(SavedChartResponse))]
[JsonSerializable(typeof(SavedChartPayload))]
[JsonSerializable(typeof(PagedResult<SavedChartSummary>))]
[JsonSerializable(typeof(UserChartsExport))]
[JsonSerializable(typeof(Time.BirthInstantCandidate))]
[JsonSerializable(typeof(IReadOnlyList<Time.BirthInstantCandidate>))]
[JsonSerializable(typeof(List<Time.BirthInstantCandidate>))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
[JsonSerializable(typeof(ProblemDetails))]
public sealed partial class ChartJsonContext : JsonSerializerContext
{
    /// <summary>
    /// For JSON written as an HTTP answer outside the minimal-API pipeline (a cached chart's bytes): the same relaxed
    /// escaping ASP.NET Core's own JSON options use, so <c>26°11'00"</c> and <c>Zürich</c> reach clients as written
    /// rather than as <c>\u00B0</c> sequences. The answers are <c>application/json</c> (the gateway adds
    /// <c>nosniff</c>), never inlined into HTML, which is what the stricter default encoder guards against.
    /// </summary>
    public static ChartJsonContext Answer { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
