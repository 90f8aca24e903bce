using System.Net.Http.Headers;
using ZodiaCore.Tests.Shared;

namespace ZodiaCore.ChartService.Tests.Apis;

/// <summary>
/// Every field of the natal request set to values of the wrong kind, out of range or absurd, as a client would send
/// by mistake: each answer is a chart or a 4xx problem that says what is wrong, never a server error. Each request
/// asks for the endpoint's own media type, as real clients do (a JSON client, an SVG client).
/// </summary>
public sealed class MalformedInputTests(ChartApiFactory factory) : IClassFixture<ChartApiFactory>
{
    private static readonly string[] Endpoints = ["/api/charts/natal", "/api/charts/natal/svg"];

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
            foreach (var value in OddJson.Values)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
                {
                    Content = ChartRequests.Json(OddJson.With(ChartRequests.Natal, field, value)),
                };
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(endpoint.EndsWith("/svg", StringComparison.Ordinal) ? "image/svg+xml" : "application/json"));

                using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

                await OddJson.AssertAnsweredOrRefusedAsync(response, $"{endpoint} with {field} = {OddJson.Describe(value)}");
            }
        }
    }

    public static TheoryData<string, string> OtherFields => new()
    {
        { "/api/charts", "name" }, { "/api/charts", "birth.date" }, { "/api/charts", "location.name" },
        { "/api/charts/transits", "natal" }, { "/api/charts/transits", "natal.birth.time" }, { "/api/charts/transits", "at" },
        { "/api/charts/transits", "aspects" }, { "/api/charts/transits", "orbs" },
        { "/api/charts/synastry", "first" }, { "/api/charts/synastry", "second.location.latitude" },
        { "/api/charts/synastry", "firstChartId" }, { "/api/charts/synastry", "secondChartId" },
        { "/api/charts/synastry", "aspects" }, { "/api/charts/synastry", "orbs" },
    };

    [Theory]
    [MemberData(nameof(OtherFields))]
    public async Task Any_odd_value_of_a_saved_transit_or_synastry_request_field_is_answered_or_refused_never_a_server_error(string endpoint, string field)
    {
        using var client = factory.CreateUserClient("user-" + Guid.NewGuid().ToString("N")[..8]);
        var natal = ChartRequests.Natal;
        var body = endpoint switch
        {
            "/api/charts" => ChartRequests.Saved("Mum"),
            "/api/charts/transits" => $$"""{ "natal": {{natal}}, "at": "2020-01-01T00:00:00Z" }""",
            _ => $$"""{ "first": {{natal}}, "second": {{natal}} }""",
        };
        using (var untouched = await client.PostAsync(endpoint, ChartRequests.Json(body), TestContext.Current.CancellationToken))
        {
            Assert.True(untouched.IsSuccessStatusCode, $"{endpoint} answered {untouched.StatusCode} to the untouched request");
        }

        foreach (var value in OddJson.Values)
        {
            using var response = await client.PostAsync(endpoint, ChartRequests.Json(OddJson.With(body, field, value)), TestContext.Current.CancellationToken);

            await OddJson.AssertAnsweredOrRefusedAsync(response, $"{endpoint} with {field} = {OddJson.Describe(value)}");
        }
    }
}
