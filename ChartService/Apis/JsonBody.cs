using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ZodiaCore.ChartService.Apis;

/// <summary>
/// Reads a request body so that a JSON error becomes a validation error naming the field
/// (the framework's own binder answers a bare 400 that names nothing).
/// </summary>
public static class JsonBody
{
    public static async ValueTask<(T? Value, IDictionary<string, string[]>? Errors)> ReadAsync<T>(HttpContext context)
        where T : class
    {
        if (!context.Request.HasJsonContentType())
        {
            return (null, new Dictionary<string, string[]> { ["body"] = ["Send the request as application/json."] });
        }

        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, options, context.RequestAborted);
            return (value, null);
        }
        catch (JsonException ex)
        {
            return (null, new Dictionary<string, string[]> { [FieldOf(ex.Path)] = ["This value has the wrong type, or the JSON is malformed here."] });
        }
    }

    /// <summary>"$.location.latitude" → "location.latitude"; the root is called "body".</summary>
    public static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }
}
