using System.Net;
using System.Text.Json;
using static ZodiaCore.ChartService.Tests.Apis.ChartRequests;

namespace ZodiaCore.ChartService.Tests.Apis;

/// <summary><c>POST /api/charts/synastry</c> with saved chart ids in place of births.</summary>
public sealed class SavedChartSynastryApiTests(ChartApiFactory factory) : IClassFixture<ChartApiFactory>
{
    private const string Partner = """
        {
          "birth": { "date": "1988-11-02", "time": "06:10:00", "timeZone": "Europe/Paris" },
          "location": { "latitude": 48.8566, "longitude": 2.3522, "name": "Paris" }
        }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewUser() => "user-" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<JsonElement> ReadJson(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    private static async Task<string> SaveAsync(HttpClient client, string name, string natal)
    {
        using var response = await client.PostAsync("/api/charts", Json(Saved(name, natal)), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ReadJson(response)).GetProperty("id").GetString()!;
    }

    private static async Task<HttpResponseMessage> SynastryAsync(HttpClient client, string body) =>
        await client.PostAsync("/api/charts/synastry", Json(body), Ct);

    [Fact]
    public async Task Synastry_of_two_saved_charts_equals_synastry_of_the_births_they_hold()
    {
        using var client = factory.CreateUserClient(NewUser());
        var me = await SaveAsync(client, "Me", Natal);
        var partner = await SaveAsync(client, "Partner", Partner);

        using var byId = await SynastryAsync(client, $$"""{ "firstChartId": "{{me}}", "secondChartId": "{{partner}}" }""");
        using var byBirth = await SynastryAsync(client, $$"""{ "first": {{Natal}}, "second": {{Partner}} }""");

        Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byBirth.StatusCode);
        var fromIds = await ReadJson(byId);
        Assert.Equal((await ReadJson(byBirth)).GetRawText(), fromIds.GetRawText());
        Assert.NotEmpty(fromIds.GetProperty("aspects").EnumerateArray());
    }

    [Fact]
    public async Task A_saved_chart_and_a_birth_can_be_compared()
    {
        using var client = factory.CreateUserClient(NewUser());
        var partner = await SaveAsync(client, "Partner", Partner);

        using var mixed = await SynastryAsync(client, $$"""{ "first": {{Natal}}, "secondChartId": "{{partner}}" }""");
        using var byBirth = await SynastryAsync(client, $$"""{ "first": {{Natal}}, "second": {{Partner}} }""");

        Assert.Equal(HttpStatusCode.OK, mixed.StatusCode);
        Assert.Equal((await ReadJson(byBirth)).GetRawText(), (await ReadJson(mixed)).GetRawText());
    }

    [Fact]
    public async Task Another_users_chart_id_is_404_naming_the_field()
    {
        using var owner = factory.CreateUserClient(NewUser());
        using var other = factory.CreateUserClient(NewUser());
        var mine = await SaveAsync(other, "Mine", Natal);
        var theirs = await SaveAsync(owner, "Private", Partner);

        using var response = await SynastryAsync(other, $$"""{ "firstChartId": "{{mine}}", "secondChartId": "{{theirs}}" }""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadJson(response);
        Assert.Equal("secondChartId", problem.GetProperty("field").GetString());
        Assert.Contains("secondChartId", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("1988", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chart_ids_are_401_without_a_token_and_403_with_a_service_token()
    {
        using var client = factory.CreateUserClient(NewUser());
        var id = await SaveAsync(client, "Me", Natal);
        using var anonymous = factory.CreateClient();
        using var service = factory.CreateServiceClient();

        using var noToken = await SynastryAsync(anonymous, $$"""{ "firstChartId": "{{id}}", "second": {{Partner}} }""");
        using var serviceToken = await SynastryAsync(service, $$"""{ "firstChartId": "{{id}}", "second": {{Partner}} }""");

        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal("application/problem+json", noToken.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, serviceToken.StatusCode);
    }

    [Fact]
    public async Task A_birth_and_a_chart_id_for_the_same_person_is_400_naming_the_field()
    {
        using var client = factory.CreateUserClient(NewUser());
        var id = await SaveAsync(client, "Me", Natal);

        using var response = await SynastryAsync(client, $$"""{ "first": {{Natal}}, "firstChartId": "{{id}}", "second": {{Partner}} }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ReadJson(response)).GetProperty("errors").TryGetProperty("firstChartId", out _));
    }
}
