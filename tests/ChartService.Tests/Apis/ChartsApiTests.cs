using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;

namespace ZodiaCore.ChartService.Tests.Apis;

/// <summary>The stateless endpoints through the service's real Program (service defaults, problem details, auth).</summary>
public sealed class ChartsApiTests(ChartApiFactory factory) : IClassFixture<ChartApiFactory>
{
    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private HttpClient Client { get; } = factory.CreateClient();

    private const string NatalBody = """
        {
          "birth": { "date": "1990-05-15", "time": "14:30:00", "timeZone": "Europe/London" },
          "location": { "latitude": 51.5074, "longitude": -0.1278, "altitude": 0, "name": "London" },
          "options": { "houseSystem": "placidus", "zodiac": "tropical", "ayanamsa": "lahiri",
                       "nodeType": "true", "bodies": null, "aspects": null, "orbs": null }
        }
        """;

    [Fact]
    public async Task Natal_chart_is_answered_as_json_with_its_length_and_documented_as_a_chart_in_OpenAPI()
    {
        using var response = await Post("/api/charts/natal", NatalBody);
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        using var document = await Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        using var openApi = JsonDocument.Parse(await document.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.False(response.Headers.TransferEncodingChunked ?? false);
        var ok = openApi.RootElement.GetProperty("paths").GetProperty("/api/charts/natal").GetProperty("post")
            .GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.EndsWith("/ChartResponse", ok.GetProperty("$ref").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_chart_endpoint_documents_its_problems_and_no_token()
    {
        using var document = await Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        using var openApi = JsonDocument.Parse(await document.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var natal = openApi.RootElement.GetProperty("paths").GetProperty("/api/charts/natal").GetProperty("post");
        Assert.Equal(["200", "400", "413", "422", "429", "502", "503", "504"], natal.GetProperty("responses").EnumerateObject().Select(p => p.Name).Order());
        Assert.False(natal.TryGetProperty("security", out _));
    }

    [Fact]
    public async Task Natal_chart_answers_with_the_documented_field_names()
    {
        using var response = await Post("/api/charts/natal", NatalBody);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = json.RootElement;
        foreach (var name in new[] { "contentId", "utc", "utcOffset", "julianDayUt", "bodies", "houses", "angles", "aspects", "elements", "modalities", "moonPhase", "chartRuler", "patterns", "meta", "warnings" })
        {
            Assert.True(root.TryGetProperty(name, out _), name);
        }

        var sun = root.GetProperty("bodies")[0];
        foreach (var name in new[] { "name", "longitude", "latitude", "distance", "speed", "retrograde", "sign", "degreeInSign", "formatted", "house" })
        {
            Assert.True(sun.TryGetProperty(name, out _), name);
        }

        Assert.Equal("sun", sun.GetProperty("name").GetString());
        Assert.Equal("1990-05-15T13:30:00Z", root.GetProperty("utc").GetString());
        Assert.Equal(12, root.GetProperty("houses").GetProperty("cusps").GetArrayLength());
        Assert.Equal("placidus", root.GetProperty("houses").GetProperty("systemUsed").GetString());
        foreach (var name in new[] { "ascendant", "midheaven", "descendant", "imumCoeli", "vertex" })
        {
            Assert.Equal(JsonValueKind.Number, root.GetProperty("angles").GetProperty(name).ValueKind);
        }

        Assert.False(root.TryGetProperty("ayanamsaValue", out _));
    }

    [Fact]
    public async Task Natal_chart_json_writes_degree_signs_and_primes_as_themselves_not_as_unicode_escapes()
    {
        using var response = await Post("/api/charts/natal", NatalBody);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var formatted = JsonDocument.Parse(body).RootElement.GetProperty("bodies")[0].GetProperty("formatted").GetString()!;
        Assert.Contains("°", formatted, StringComparison.Ordinal);
        Assert.Contains(JsonSerializer.Serialize(formatted, RelaxedJson), body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00B0", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\\u0027", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_latitude_out_of_range_is_a_validation_problem_naming_the_field()
    {
        using var response = await Post("/api/charts/natal", NatalBody.Replace("51.5074", "95", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("location.latitude", out _));
    }

    [Theory]
    [InlineData("\"London<script>\"")]
    [InlineData("\"Lon\\u0000don\"")]
    [InlineData("\"Lon\\ndon\"")]
    [InlineData("\"{LONG}\"")]
    public async Task A_place_name_with_markup_control_characters_or_over_200_characters_is_a_validation_problem_naming_it(string name)
    {
        var body = NatalBody.Replace("\"London\"", name.Replace("{LONG}", new string('a', 201), StringComparison.Ordinal), StringComparison.Ordinal);

        using var natal = await Post("/api/charts/natal", body);
        using var transits = await Post("/api/charts/transits", "{ \"natal\": " + body + " }");

        Assert.Equal(HttpStatusCode.BadRequest, natal.StatusCode);
        using var natalJson = JsonDocument.Parse(await natal.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["location.name"], natalJson.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.BadRequest, transits.StatusCode);
        using var transitsJson = JsonDocument.Parse(await transits.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["natal.location.name"], transitsJson.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task A_place_name_of_200_characters_with_accents_and_punctuation_is_accepted()
    {
        var name = ("São Paulo, Brasil (Zona Sul) & Co. – " + new string('x', 200))[..200];

        using var response = await Post("/api/charts/natal", NatalBody.Replace("\"London\"", JsonSerializer.Serialize(name), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_a_validation_problem_naming_the_field()
    {
        using var response = await Post("/api/charts/natal", NatalBody.Replace("51.5074", "\"north\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("location.latitude", out _));
    }

    [Fact]
    public async Task A_wrong_typed_value_is_reported_by_the_shared_handler_with_the_correlation_id()
    {
        using var response = await Post("/api/charts/natal", NatalBody.Replace("51.5074", "\"north\"", StringComparison.Ordinal));

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
        Assert.True(json.RootElement.TryGetProperty("correlationId", out _));
    }

    [Fact]
    public async Task Stateless_endpoints_need_no_token()
    {
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.PostAsync("/api/charts/natal", new StringContent(NatalBody, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_500()
    {
        using var response = await Post("/api/charts/natal", "{ \"birth\": ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Options_sent_as_json_narrow_bodies_and_set_orbs()
    {
        var body = NatalBody.Replace("\"bodies\": null", "\"bodies\": [\"sun\", \"moon\", \"chiron\"]", StringComparison.Ordinal)
            .Replace("\"orbs\": null", "\"orbs\": { \"conjunction\": 1 }", StringComparison.Ordinal)
            .Replace("\"zodiac\": \"tropical\"", "\"zodiac\": \"sidereal\"", StringComparison.Ordinal);

        using var response = await Post("/api/charts/natal", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(3, json.RootElement.GetProperty("bodies").GetArrayLength());
        Assert.True(json.RootElement.GetProperty("bodies")[0].TryGetProperty("nakshatra", out _));
        Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty("ayanamsaValue").ValueKind);
        foreach (var aspect in json.RootElement.GetProperty("aspects").EnumerateArray())
        {
            if (aspect.GetProperty("kind").GetString() == "conjunction")
            {
                Assert.True(aspect.GetProperty("orb").GetDouble() <= 1);
            }
        }
    }

    [Fact]
    public async Task An_ambiguous_local_time_is_422_with_the_candidate_instants()
    {
        var body = NatalBody.Replace("1990-05-15", "2021-10-31", StringComparison.Ordinal).Replace("14:30:00", "01:30:00", StringComparison.Ordinal);

        using var response = await Post("/api/charts/natal", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var candidates = json.RootElement.GetProperty("candidates");
        Assert.Equal("2021-10-31T00:30:00Z", candidates[0].GetProperty("utc").GetString());
        Assert.Equal("2021-10-31T01:30:00Z", candidates[1].GetProperty("utc").GetString());
    }

    [Fact]
    public async Task Natal_svg_is_served_as_svg()
    {
        using var response = await Post("/api/charts/natal/svg", NatalBody);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("svg", document.Root!.Name.LocalName);
    }

    [Fact]
    public async Task Transits_and_synastry_answer_200()
    {
        using var transits = await Post("/api/charts/transits", $$"""{ "natal": {{NatalBody}}, "at": "2026-01-01T00:00:00Z" }""");
        using var synastry = await Post("/api/charts/synastry", $$"""{ "first": {{NatalBody}}, "second": {{NatalBody}} }""");

        Assert.Equal(HttpStatusCode.OK, transits.StatusCode);
        Assert.Equal(HttpStatusCode.OK, synastry.StatusCode);
    }

    [Fact]
    public async Task The_ephemeris_health_check_is_registered_and_healthy_with_the_files()
    {
        var health = factory.Services.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>();

        var report = await health.CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, report.Entries["ephemeris"].Status);
    }

    private Task<HttpResponseMessage> Post(string path, string json) =>
        Client.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
}
