using System.Net.Http.Headers;

namespace ZodiaCore.IntegrationTests;

/// <summary>Interpretations through the gateway, with the built-in interpreter (no provider key is configured).</summary>
[Collection(DistributedCollection.Name)]
public sealed class InterpretationsThroughGatewayTests(DistributedAppFixture fixture)
{
    private static readonly object London1990 = new
    {
        birth = new { date = "1990-05-15", time = "14:30:00", timeZone = "Europe/London" },
        location = new { latitude = 51.5074, longitude = -0.1278, name = "London" },
    };

    private ZodiaCoreApp App => fixture.App;

    [Fact]
    public async Task A_chart_is_interpreted_by_the_built_in_interpreter_and_the_same_request_again_is_a_cache_hit()
    {
        using var gateway = App.CreateGatewayClient();
        var account = await IdentityClient.RegisterAndLoginAsync(gateway);
        var body = new { chart = London1990, sections = new[] { "overview", "planets" }, length = "short" };

        using var first = await IdentityClient.SendAsync(gateway, HttpMethod.Post, "/api/interpretations", account.AccessToken, body);
        using var second = await IdentityClient.SendAsync(gateway, HttpMethod.Post, "/api/interpretations", account.AccessToken, body);

        Assert.True(first.IsSuccessStatusCode, $"first answered {first.StatusCode}");
        using var firstJson = await FoundationTests.ReadJsonAsync(first);
        using var secondJson = await FoundationTests.ReadJsonAsync(second);
        Assert.Equal("builtin", firstJson.RootElement.GetProperty("provider").GetString());
        Assert.Equal(["overview", "planets"], firstJson.RootElement.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("key").GetString()));
        Assert.False(firstJson.RootElement.GetProperty("cached").GetBoolean());
        Assert.True(secondJson.RootElement.GetProperty("cached").GetBoolean());
        Assert.Equal(firstJson.RootElement.GetProperty("sections").GetRawText(), secondJson.RootElement.GetProperty("sections").GetRawText());
    }

    [Fact]
    public async Task Another_users_chart_id_answers_404()
    {
        using var gateway = App.CreateGatewayClient();
        var owner = await IdentityClient.RegisterAndLoginAsync(gateway);
        var stranger = await IdentityClient.RegisterAndLoginAsync(gateway);
        using var saved = await IdentityClient.SendAsync(gateway, HttpMethod.Post, "/api/charts", owner.AccessToken, new
        {
            name = "Mine",
            birth = new { date = "1990-05-15", time = "14:30:00", timeZone = "Europe/London" },
            location = new { latitude = 51.5074, longitude = -0.1278 },
        });
        using var savedJson = await FoundationTests.ReadJsonAsync(saved);
        var chartId = savedJson.RootElement.GetProperty("id").GetString();

        using var response = await IdentityClient.SendAsync(gateway, HttpMethod.Post, "/api/interpretations", stranger.AccessToken, new { chartId });

        await FoundationTests.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_interpretation_streams_its_sections_in_order_over_server_sent_events()
    {
        using var gateway = App.CreateGatewayClient();
        var account = await IdentityClient.RegisterAndLoginAsync(gateway);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/interpretations")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { chart = London1990, sections = new[] { "overview", "aspects", "elements" } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));

        using var response = await gateway.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var stream = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        // An SSE message is "event: name" and "data: json" lines ended by a blank line.
        var messages = stream.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(block => block.Split('\n'))
            .Select(lines => (
                Event: lines.FirstOrDefault(l => l.StartsWith("event:", StringComparison.Ordinal))?[6..].Trim(),
                Data: lines.FirstOrDefault(l => l.StartsWith("data:", StringComparison.Ordinal))?[5..].Trim()))
            .Where(m => m.Event is not null)
            .ToList();
        var events = messages.Select(m => m.Event!).ToList();
        var sections = messages.Where(m => m.Event == "section")
            .Select(m => System.Text.Json.JsonDocument.Parse(m.Data!).RootElement.GetProperty("key").GetString())
            .Distinct().ToList();
        Assert.Equal("done", events[^1]);
        Assert.All(events[..^1], e => Assert.Equal("section", e));
        Assert.Equal(["overview", "aspects", "elements"], sections);
    }
}
