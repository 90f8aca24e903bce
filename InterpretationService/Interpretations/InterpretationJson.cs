using System.Text.Encodings.Web;
using System.Text.Json;

namespace ZodiaCore.InterpretationService.Interpretations;

/// <summary>
/// JSON for interpretations written outside the minimal-API pipeline: the streamed events, the encrypted cache entries
/// and stored sections. Web defaults with the relaxed escaping ASP.NET Core's own JSON options use, so accents, degree
/// signs and non-Latin answers stay as written (one UTF-8 sequence per character, not a six-byte <c>\uXXXX</c>). None
/// of it is ever inlined into HTML, which is what the stricter default encoder guards against.
/// </summary>
public static class InterpretationJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
