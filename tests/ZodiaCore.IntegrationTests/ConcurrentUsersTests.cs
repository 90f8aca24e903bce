using System.Collections.Concurrent;
using System.Net.Http.Json;
using ZodiaCore.Tests.Shared;

namespace ZodiaCore.IntegrationTests;

/// <summary>
/// Several users at once, each racing itself on the same data the way retrying clients, double clicks and two open
/// tabs do, through the gateway: where one request must win exactly one does, and no request gets a server error.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class ConcurrentUsersTests(DistributedAppFixture fixture)
{
    private const int Users = 6;

    private ZodiaCoreApp App => fixture.App;

    [Fact]
    public async Task Users_racing_themselves_get_exactly_one_winner_where_one_must_win_and_never_a_server_error()
    {
        using var gateway = App.CreateGatewayClient();
        var answers = new ConcurrentBag<(string What, HttpResponseMessage Response)>();

        await Task.WhenAll(Enumerable.Range(0, Users).Select(user => RaceAsync(gateway, 1900 + (user * 10), answers)));

        foreach (var (what, response) in answers)
        {
            using (response)
            {
                await OddJson.AssertAnsweredOrRefusedAsync(response, what);
            }
        }
    }

    private static async Task RaceAsync(HttpClient gateway, int year, ConcurrentBag<(string, HttpResponseMessage)> answers)
    {
        var account = await IdentityClient.RegisterAndLoginAsync(gateway);
        var charts = await Task.WhenAll(TestCharts.SaveAsync(gateway, account, year, "first"), TestCharts.SaveAsync(gateway, account, year + 1, "second"));

        // The same interpretation asked twice at once, and an event stream beside them: all answered.
        var asks = await Task.WhenAll(
            Keep(answers, "an ask", Send(gateway, HttpMethod.Post, "/api/interpretations", account.AccessToken, new { chartId = charts[0], provider = "builtin" })),
            Keep(answers, "the same ask", Send(gateway, HttpMethod.Post, "/api/interpretations", account.AccessToken, new { chartId = charts[0], provider = "builtin" })),
            Keep(answers, "a streamed ask", Send(gateway, HttpMethod.Post, "/api/interpretations", account.AccessToken,
                new { chart = TestCharts.Natal(year + 2), length = "short" }, "text/event-stream")));
        Assert.All(asks, ask => Assert.Equal(HttpStatusCode.OK, ask.StatusCode));
        var interpretation = (await asks[0].Content.ReadFromJsonAsync<IdentifiedResponse>(TestContext.Current.CancellationToken))!.Id;

        // One interpretation deleted three times at once, one chart twice while it is being interpreted: one delete each.
        var deletes = await Task.WhenAll(Enumerable.Range(0, 3).Select(i =>
            Keep(answers, $"interpretation delete {i}", Send(gateway, HttpMethod.Delete, $"/api/interpretations/{interpretation}", account.AccessToken))));
        Assert.Single(deletes, d => d.StatusCode == HttpStatusCode.NoContent);
        Assert.All(deletes, d => Assert.Contains(d.StatusCode, new[] { HttpStatusCode.NoContent, HttpStatusCode.NotFound }));
        var chartRace = await Task.WhenAll(
            Keep(answers, "chart delete", Send(gateway, HttpMethod.Delete, $"/api/charts/{charts[1]}", account.AccessToken)),
            Keep(answers, "the same chart delete", Send(gateway, HttpMethod.Delete, $"/api/charts/{charts[1]}", account.AccessToken)),
            Keep(answers, "an ask for the chart being deleted", Send(gateway, HttpMethod.Post, "/api/interpretations", account.AccessToken, new { chartId = charts[1] })));
        Assert.Single(chartRace[..2], d => d.StatusCode == HttpStatusCode.NoContent);

        // One refresh token spent three times at once: one exchange succeeds, and reuse ends the session family.
        var refreshes = await Task.WhenAll(Enumerable.Range(0, 3).Select(i =>
            Keep(answers, $"refresh {i}", Send(gateway, HttpMethod.Post, "/api/auth/refresh", null, new { refreshToken = account.RefreshToken }))));
        Assert.Single(refreshes, r => r.StatusCode == HttpStatusCode.OK);

        // The account deleted while a chart is being saved with a token from before: the deletion goes through.
        var (accessToken, _) = await IdentityClient.LoginAsync(gateway, account.Email, account.Password);
        var ending = await Task.WhenAll(
            Keep(answers, "account delete", Send(gateway, HttpMethod.Delete, "/api/users/me", accessToken)),
            Keep(answers, "a save during the delete", Send(gateway, HttpMethod.Post, "/api/charts", accessToken, TestCharts.Saved(year + 3, "late"))));
        Assert.Contains(ending[0].StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.NoContent });
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await Keep(answers, "me after the delete", Send(gateway, HttpMethod.Get, "/api/users/me", accessToken))).StatusCode);
    }

    private static async Task<HttpResponseMessage> Keep(ConcurrentBag<(string, HttpResponseMessage)> answers, string what, Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        answers.Add((what, response));
        return response;
    }

    private static async Task<HttpResponseMessage> Send(HttpClient gateway, HttpMethod method, string path, string? token, object? body = null, string? accept = null)
    {
        var response = await IdentityClient.SendAsync(gateway, method, path, token, body, accept);
        // Read now: an event stream is only complete once its last event has arrived.
        await response.Content.LoadIntoBufferAsync(TestContext.Current.CancellationToken);
        return response;
    }

    private sealed record IdentifiedResponse(string Id);
}
