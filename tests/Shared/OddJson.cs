using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZodiaCore.Tests.Shared;

/// <summary>
/// JSON values a client sends by mistake (the wrong kind, out of range, absurd), a way to put one into a request body
/// at a field path, and the check every public endpoint must pass for them: a 2xx answer, or a 4xx problem that says
/// what is wrong, never a server error. Linked into the test projects that sweep their services' request fields.
/// </summary>
public static class OddJson
{
    public static readonly JsonNode?[] Values =
    [
        null, "", "x", 0, -1, 1.5, 1e308, -1e308, true, new JsonArray(), new JsonObject(), new JsonArray(1, null),
        "9999-99-99", "1990-02-30", "0000-01-01", "-0001-01-01", "25:61:00", "+99:00", "Europe/Nowhere", "NaN", "Infinity",
        "1990-05-15T13:30:00", "\u0000", "<script>", new string('a', 5000),
    ];

    /// <summary><paramref name="json"/> (an object) with the field at <paramref name="path"/> (dotted) set to a copy of <paramref name="value"/>.</summary>
    public static string With(string json, string path, JsonNode? value)
    {
        var body = JsonNode.Parse(json)!.AsObject();
        var names = path.Split('.');
        var parent = body;
        foreach (var name in names[..^1])
        {
            parent = parent[name] as JsonObject ?? throw new InvalidOperationException($"{name} is not an object in the base request.");
        }

        parent[names[^1]] = value?.DeepClone();
        return body.ToJsonString();
    }

    public static string Describe(JsonNode? value) =>
        value is null ? "null" : value.ToJsonString() is { Length: > 40 } text ? text[..40] + "…" : value.ToJsonString();

    /// <summary>A 2xx, or a refusal as <see cref="AssertRefusedAsync"/> checks it; <paramref name="what"/> names the request.</summary>
    public static async Task AssertAnsweredOrRefusedAsync(HttpResponseMessage response, string what)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        Assert.True(status is >= 200 and < 300 or >= 400 and < 500, $"{what} answered {status}");
        if (status >= 400)
        {
            await AssertRefusedAsync(response, what);
        }
    }

    /// <summary>A 4xx <c>application/problem+json</c> with a title, whose 400 names at least one field in <c>errors</c>.</summary>
    public static async Task AssertRefusedAsync(HttpResponseMessage response, string what)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        what = $"{what} answered {status}";
        Assert.True(status is >= 400 and < 500, what);
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", what);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("title").GetString()), what);
        if (status == 400)
        {
            Assert.True(problem.RootElement.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any(), what);
        }
    }
}
