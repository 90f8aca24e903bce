using System.Net.Http.Json;

namespace ZodiaCore.IntegrationTests;

/// <summary>Charts as consumers reach them: computed anonymously, saved per user, gone with the account.</summary>
[Collection(DistributedCollection.Name)]
public sealed class ChartsThroughGatewayTests(DistributedAppFixture fixture)
{
    private static readonly object London1990 = new
    {
        birth = new { date = "1990-05-15", time = "14:30:00", timeZone = "Europe/London" },
        location = new { latitude = 51.5074, longitude = -0.1278, name = "London" },
    };

    private ZodiaCoreApp App => fixture.App;

    [Fact]
    public async Task An_anonymous_natal_chart_is_computed_through_the_gateway()
    {
        using var gateway = App.CreateGatewayClient();

        using var response = await gateway.PostAsJsonAsync("/api/charts/natal", London1990, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await FoundationTests.ReadJsonAsync(response);
        Assert.Equal("1990-05-15T13:30:00Z", json.RootElement.GetProperty("utc").GetString());
        var sun = json.RootElement.GetProperty("bodies").EnumerateArray().First(b => b.GetProperty("name").GetString() == "sun");
        Assert.Equal("Taurus", sun.GetProperty("sign").GetString());
    }

    [Fact]
    public async Task A_natal_chart_asked_for_again_is_answered_by_the_gateway_with_its_age()
    {
        using var gateway = App.CreateGatewayClient();
        var reykjavik = new
        {
            birth = new { date = "1977-03-09", time = "05:45:00", timeZone = "Atlantic/Reykjavik" },
            location = new { latitude = 64.1466, longitude = -21.9426, name = "Reykjavik" },
        };

        var answers = new List<(TimeSpan? Age, string Body)>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await gateway.PostAsJsonAsync("/api/charts/natal", reykjavik, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add((response.Headers.Age, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        }

        using var fresh = new HttpRequestMessage(HttpMethod.Post, "/api/charts/natal") { Content = JsonContent.Create(reykjavik) };
        fresh.Headers.CacheControl = new() { NoCache = true };
        using var freshResponse = await gateway.SendAsync(fresh, TestContext.Current.CancellationToken);

        // The first two are forwarded (the gateway keeps an answer once its body was asked for twice), the third is its.
        Assert.Null(answers[0].Age);
        Assert.Null(answers[1].Age);
        Assert.NotNull(answers[2].Age);
        Assert.Single(answers.Select(a => a.Body).Distinct());
        Assert.Equal(HttpStatusCode.OK, freshResponse.StatusCode);
        Assert.Null(freshResponse.Headers.Age);
    }

    [Fact]
    public async Task A_saved_chart_is_visible_to_its_owner_only()
    {
        using var gateway = App.CreateGatewayClient();
        var owner = await IdentityClient.RegisterAndLoginAsync(gateway);
        var stranger = await IdentityClient.RegisterAndLoginAsync(gateway);
        var id = await SaveChartAsync(gateway, owner);

        using var asOwner = await IdentityClient.SendAsync(gateway, HttpMethod.Get, $"/api/charts/{id}", owner.AccessToken);
        using var asStranger = await IdentityClient.SendAsync(gateway, HttpMethod.Get, $"/api/charts/{id}", stranger.AccessToken);

        Assert.Equal(HttpStatusCode.OK, asOwner.StatusCode);
        await FoundationTests.AssertProblemAsync(asStranger, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_an_account_deletes_its_saved_charts_in_chart_service()
    {
        using var gateway = App.CreateGatewayClient();
        var account = await IdentityClient.RegisterAndLoginAsync(gateway);
        var id = await SaveChartAsync(gateway, account);
        using (var export = await IdentityClient.SendAsync(gateway, HttpMethod.Get, "/api/users/me/export", account.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            Assert.Contains(id, await export.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        using var deleted = await IdentityClient.SendAsync(gateway, HttpMethod.Delete, "/api/users/me", account.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        // The user's token is revoked with the account, so look where IdentityService looks: ChartService's export of
        // the user, with a service token. It must hold nothing, whether or not the token reached ChartService in time.
        var userId = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(account.AccessToken).Subject;
        using var charts = App.CreateServiceClient("charts");
        using var held = await IdentityClient.SendAsync(charts, HttpMethod.Get, $"/internal/users/{userId}/export", await ServiceTokenAsync());
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        using var json = await IdentityClient.ReadAsync(held);
        Assert.Equal(0, json.RootElement.GetProperty("charts").GetArrayLength());
    }

    private async Task<string> ServiceTokenAsync()
    {
        using var identity = App.CreateServiceClient("identity");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = fixture.TestClient.Id,
            ["client_secret"] = fixture.TestClient.Secret,
        });
        using var response = await identity.PostAsync(new Uri("/connect/token", UriKind.Relative), form, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await IdentityClient.ReadAsync(response);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    private static async Task<string> SaveChartAsync(HttpClient gateway, TestAccount account)
    {
        using var saved = await IdentityClient.SendAsync(gateway, HttpMethod.Post, "/api/charts", account.AccessToken, new
        {
            name = "Me",
            birth = new { date = "1990-05-15", time = "14:30:00", timeZone = "Europe/London" },
            location = new { latitude = 51.5074, longitude = -0.1278, name = "London" },
        });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        using var json = await FoundationTests.ReadJsonAsync(saved);
        return json.RootElement.GetProperty("id").GetString()!;
    }
}
