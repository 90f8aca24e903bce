using System.Net.Http.Json;
using System.Text.Json;

namespace ZodiaCore.InterpretationService.Tests.Api;

/// <summary>Small readers for the API's JSON answers.</summary>
internal static class ApiJson
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> InterpretAsync(this HttpClient client, object body) =>
        client.PostAsJsonAsync("/api/interpretations", body, Ct);

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The field names of a validation problem's <c>errors</c>.</summary>
    public static async Task<IReadOnlyList<string>> ErrorFieldsAsync(this HttpResponseMessage response)
    {
        var problem = await response.ReadJsonAsync();
        return problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(p => p.Name).ToList() : [];
    }

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
