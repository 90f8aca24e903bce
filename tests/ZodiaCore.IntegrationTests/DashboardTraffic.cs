using System.Net.Http.Json;

namespace ZodiaCore.IntegrationTests;

/// <summary>
/// A little of every kind of traffic the dashboards show, sent through the gateway of <see cref="MonitoredAppFixture"/>:
/// charts computed, drawn and saved; interpretations from the fake provider, the built-in interpreter (and its cache) and
/// a fallback; registrations, logins, failed logins, a lockout, a login rate limit, a quota refusal, a revoked token
/// refused, an account deletion; 401, 403, 404 and a gateway timeout (504). Each simulated client has its own address, so only the one meant to hit the login limit does.
/// </summary>
/// <remarks>
/// Run it in two rounds with a scrape between them: a counter's first sample only creates its series, and rate() shows
/// the second increase. Every round uses new charts (new cache keys) and new accounts (a fresh daily quota).
/// </remarks>
internal sealed class DashboardTraffic(ZodiaCoreApp app) : IDisposable
{
    // RateLimiting:Auth:PermitLimit, left at its default in this app.
    private const int LoginLimit = 10;
    private readonly HttpClient limitedClient = Client(app, "203.0.113.7");
    private int clients;

    public async Task DriveRoundAsync(int round)
    {
        // Five charts a round, none shared with other tests or rounds.
        var year = 1960 + (5 * round);
        await Task.WhenAll(GatewayTimeoutAsync(year + 3), ChartsAndInterpretationsAsync(year), AuthenticationAsync(), AccountDeletionAsync());
    }

    public void Dispose() => limitedClient.Dispose();

    private async Task ChartsAndInterpretationsAsync(int year)
    {
        using var anonymous = NewClient();
        using var client = NewClient();
        var account = await IdentityClient.RegisterAndLoginAsync(client);

        // The same chart twice: a computation, then a hit in ChartService's chart cache (the gateway forwards both, and
        // keeps the second answer: it stores what was asked for twice); the wheel from ChartService's chart cache too.
        for (var i = 0; i < 2; i++)
        {
            using var natal = await anonymous.PostAsJsonAsync("/api/charts/natal", TestCharts.Natal(year), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, natal.StatusCode);
        }

        using (var svg = await anonymous.PostAsJsonAsync("/api/charts/natal/svg", TestCharts.Natal(year), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        }

        var saved = await TestCharts.SaveAsync(client, account, year, "Dashboard traffic");
        foreach (var path in new[] { $"/api/charts/{saved}", $"/api/charts/{saved}/svg", "/api/charts" })
        {
            await ExpectAsync(client, HttpMethod.Get, path, account, HttpStatusCode.OK);
        }

        // The built-in interpreter twice (the second from the cache), then the account's whole quota of two: one answer
        // from the fake provider, one it botches (the built-in interpreter takes over and the quota is given back), a
        // second answer from the provider; the next is refused.
        for (var i = 0; i < 2; i++)
        {
            await InterpretAsync(client, account, year, "builtin", expectedProvider: "builtin");
        }

        await InterpretAsync(client, account, year + 1, provider: null, expectedProvider: "openai");
        var botched = await TestCharts.SaveAsync(client, account, year + 2, FakeOpenAiProvider.MalformedMarker);
        using (var fallback = await IdentityClient.SendAsync(client, HttpMethod.Post, "/api/interpretations", account.AccessToken, new { chartId = botched }))
        {
            Assert.Equal(HttpStatusCode.OK, fallback.StatusCode);
            using var json = await FoundationTests.ReadJsonAsync(fallback);
            Assert.Equal("builtin", json.RootElement.GetProperty("provider").GetString());
            Assert.True(json.RootElement.GetProperty("fallback").GetBoolean());
        }

        await InterpretAsync(client, account, year + 3, provider: null, expectedProvider: "openai");
        using (var refused = await TestCharts.InterpretAsync(client, account, year + 4))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }

        await ExpectAsync(anonymous, HttpMethod.Get, "/api/charts", account: null, HttpStatusCode.Unauthorized);
        await ExpectAsync(client, HttpMethod.Get, "/api/admin/users", account, HttpStatusCode.Forbidden);
        await ExpectAsync(client, HttpMethod.Get, "/api/charts/no-such-chart", account, HttpStatusCode.NotFound);
        await ExpectAsync(anonymous, HttpMethod.Get, "/api/no-such-route", account: null, HttpStatusCode.NotFound);
    }

    /// <summary>An interpretation the fake provider answers after the gateway's route timeout: 504.</summary>
    private async Task GatewayTimeoutAsync(int year)
    {
        using var client = NewClient();
        var account = await IdentityClient.RegisterAndLoginAsync(client);
        var chartId = await TestCharts.SaveAsync(client, account, year, FakeOpenAiProvider.SlowMarker);

        using var response = await IdentityClient.SendAsync(client, HttpMethod.Post, "/api/interpretations", account.AccessToken, new { chartId });

        await FoundationTests.AssertProblemAsync(response, HttpStatusCode.GatewayTimeout);
    }

    /// <summary>
    /// An account its owner deletes: its data goes at once, the closed record stays pending until the access-token
    /// horizon (minutes), so the maintenance pass counts it and its age in the deletion gauges.
    /// </summary>
    private async Task AccountDeletionAsync()
    {
        using var client = NewClient();
        var account = await IdentityClient.RegisterAndLoginAsync(client);
        await ExpectAsync(client, HttpMethod.Delete, "/api/users/me", account, HttpStatusCode.NoContent);
    }

    private async Task AuthenticationAsync()
    {
        // A logged-out session's access token, tried until the revocation has reached the gateway and it is refused.
        using (var revoked = NewClient())
        {
            var loggedOut = await IdentityClient.RegisterAndLoginAsync(revoked);
            using (var logout = await revoked.PostAsJsonAsync("/api/auth/logout", new { refreshToken = loggedOut.RefreshToken }, TestContext.Current.CancellationToken))
            {
                Assert.True(logout.IsSuccessStatusCode, $"logout answered {logout.StatusCode}");
            }

            var status = HttpStatusCode.OK;
            for (var deadline = DateTime.UtcNow.AddSeconds(10); status != HttpStatusCode.Unauthorized && DateTime.UtcNow < deadline;)
            {
                using var response = await IdentityClient.SendAsync(revoked, HttpMethod.Get, "/api/charts", loggedOut.AccessToken);
                status = response.StatusCode;
            }

            Assert.Equal(HttpStatusCode.Unauthorized, status);
        }

        // Failed logins up to the lockout threshold lock the account; then even the right password is refused.
        using var client = NewClient();
        var account = await IdentityClient.RegisterAndLoginAsync(client);
        for (var i = 0; i < MonitoredAppFixture.LockoutThreshold; i++)
        {
            await ExpectLoginAsync(client, account.Email, "Wrong-Horse-Battery-0", HttpStatusCode.Unauthorized);
        }

        await ExpectLoginAsync(client, account.Email, account.Password, HttpStatusCode.Locked);

        // One address logs in until the gateway's login limit answers 429 (at once, after the first round).
        var limited = false;
        for (var attempt = 0; attempt <= LoginLimit && !limited; attempt++)
        {
            using var response = await limitedClient.PostAsJsonAsync("/api/auth/login",
                new { email = "nobody@example.com", password = "not-the-password" }, TestContext.Current.CancellationToken);
            limited = response.StatusCode == HttpStatusCode.TooManyRequests;
        }

        Assert.True(limited, "the login limit never answered 429");
    }

    private static async Task InterpretAsync(HttpClient client, TestAccount account, int year, string? provider, string expectedProvider)
    {
        using var response = await TestCharts.InterpretAsync(client, account, year, provider);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await FoundationTests.ReadJsonAsync(response);
        Assert.Equal(expectedProvider, json.RootElement.GetProperty("provider").GetString());
    }

    private static async Task ExpectAsync(HttpClient client, HttpMethod method, string path, TestAccount? account, HttpStatusCode expected)
    {
        using var response = await IdentityClient.SendAsync(client, method, path, account?.AccessToken);
        Assert.True(response.StatusCode == expected, $"{method} {path} answered {response.StatusCode}, expected {expected}");
    }

    private static async Task ExpectLoginAsync(HttpClient client, string email, string password, HttpStatusCode expected)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password }, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
    }

    private HttpClient NewClient() => Client(app, $"198.51.100.{Interlocked.Increment(ref clients)}");

    // The gateway believes X-Forwarded-For from the test process (a trusted proxy in this app): a client per address.
    private static HttpClient Client(ZodiaCoreApp app, string address)
    {
        var client = app.CreateGatewayClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }
}
