using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZodiaCore.ChartService.Tests.Apis;

/// <summary>
/// Every field of the natal request set to values of the wrong kind, out of range or absurd, as a client would send
/// by mistake: each answer is a chart or a 4xx problem that says what is wrong, never a server error. Each request
/// asks for the endpoint's own media type, as real clients do (a JSON client, an SVG client).
/// </summary>
public sealed class MalformedInputTests(ChartApiFactory factory) : IClassFixture<ChartApiFactory>
{
    private static readonly string[] Endpoints = ["/api/charts/natal", "/api/charts/natal/svg"];

    private static readonly JsonNode?[] OddValues =
    [
        null, "", "x", 0, -1, 1.5, 1e308, -1e308, true, new JsonArray(), new JsonObject(), new JsonArray(1, null),
        "9999-99-99", "1990-02-30", "0000-01-01", "-0001-01-01", "25:61:00", "+99:00", "Europe/Nowhere", "NaN", "Infinity",
        "1990-05-15T13:30:00", "\u0000", new string('a', 5000),
    ];

    public static TheoryData<string> Fields =>
    [
        "birth", "birth.date", "birth.time", "birth.timeZone", "birth.utcOffset", "birth.utc", "birth.disambiguation",
        "birth.timeUnknown", "birth.calendar", "location", "location.latitude", "location.longitude", "location.altitude",
        "location.name", "options", "options.houseSystem", "options.zodiac", "options.ayanamsa", "options.nodeType",
        "options.bodies", "options.aspects", "options.orbs", "options.polarHouses",
    ];

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task Any_odd_value_of_a_natal_field_is_answered_with_a_chart_or_a_4xx_problem_never_a_server_error(string field)
    {
        using var client = factory.CreateClient();
        foreach (var endpoint in Endpoints)
        {
            foreach (var value in OddValues)
            {
                var body = JsonNode.Parse(ChartRequests.Natal)!.AsObject();
                Set(body, field, value?.DeepClone());
                using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = ChartRequests.Json(body.ToJsonString()) };
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(endpoint.EndsWith("/svg", StringComparison.Ordinal) ? "image/svg+xml" : "application/json"));

                using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

                var status = (int)response.StatusCode;
                var what = $"{endpoint} with {field} = {Describe(value)} answered {status}";
                Assert.True(status is >= 200 and < 300 or >= 400 and < 500, what);
                if (status >= 400)
                {
                    Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", what);
                    using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
                    Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("title").GetString()), what);
                    if (status == 400)
                    {
                        // A 400 names the field at fault (or the body, when it is not an object at all).
                        Assert.True(problem.RootElement.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any(), what);
                    }
                }
            }
        }
    }

    private static void Set(JsonObject body, string path, JsonNode? value)
    {
        var names = path.Split('.');
        var parent = body;
        foreach (var name in names[..^1])
        {
            parent = parent[name] as JsonObject ?? throw new InvalidOperationException($"{name} is not an object in the base request.");
        }

        parent[names[^1]] = value;
    }

    private static string Describe(JsonNode? value) => value is null ? "null" : value.ToJsonString() is { Length: > 40 } long_ ? long_[..40] + "…" : value.ToJsonString();
}
