using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace ZodiaCore.InterpretationService.Interpretations;

/// <summary>How much detail each section carries.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The names are the API's own words: short, standard, long.")]
[JsonConverter(typeof(JsonStringEnumConverter<InterpretationLength>))]
public enum InterpretationLength
{
    [JsonStringEnumMemberName("short")] Short,
    [JsonStringEnumMemberName("standard")] Standard,
    [JsonStringEnumMemberName("long")] Long,
}
