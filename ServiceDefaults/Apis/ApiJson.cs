using System.Text.Encodings.Web;
using System.Text.Json;

namespace ZodiaCore.ServiceDefaults.Apis;

/// <summary>
/// JSON the services write outside the minimal-API pipeline (cached answer bytes, server-sent events, encrypted
/// payloads), escaped as ASP.NET Core's own HTTP JSON options escape: web defaults with relaxed escaping, so accents,
/// degree signs and non-Latin text stay as written (one UTF-8 sequence per character, not a six-byte <c>\uXXXX</c>).
/// None of it is inlined into HTML, which is what the stricter default encoder guards against; answers are
/// <c>application/json</c> and the gateway adds <c>nosniff</c>.
/// </summary>
public static class ApiJson
{
    /// <summary>One shared instance, for serialising with reflection-based metadata.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>A new instance, for a source-generated context that binds to its own options.</summary>
    public static JsonSerializerOptions CreateOptions() =>
        new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
