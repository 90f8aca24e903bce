using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.SavedCharts;
using ZodiaCore.ChartService.Storage;
using ZodiaCore.ChartService.Synastry;
using ZodiaCore.ChartService.Transits;
using ZodiaCore.ServiceDefaults.Apis;

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
    /// <summary>For a chart's answer bytes, written outside the minimal-API pipeline: escaped as the API's other answers.</summary>
    public static ChartJsonContext Answer { get; } = new(ApiJson.CreateOptions());
}
