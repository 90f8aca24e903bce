using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZodiaCore.InterpretationService.Charts;

/// <summary>
/// Compile-time JSON metadata for reading charts (as ChartService's <c>ChartJsonContext</c> writes them): no reflection
/// at start-up. Reading one ~11 KB chart still costs ~110 µs here, mostly tokenising and parsing its numbers.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ChartFacts))]
internal sealed partial class ChartFactsJsonContext : JsonSerializerContext;
