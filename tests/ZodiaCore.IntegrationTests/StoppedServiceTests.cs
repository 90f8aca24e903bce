using System.Diagnostics;
using System.Text.Json;

namespace ZodiaCore.IntegrationTests;

/// <summary>Something the system depends on goes away. These tests break things, so they get their own AppHost.</summary>
[Collection(DistributedCollection.Name)]
public sealed class StoppedServiceTests : IAsyncLifetime
{
    // The charts route's activity timeout in Gateway/appsettings.json, plus a margin for a loaded machine.
    private static readonly TimeSpan ChartsRouteTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(10);
    private ZodiaCoreApp? app;

    public async ValueTask InitializeAsync()
    {
        app = await ZodiaCoreApp.StartAsync();
        await app.WaitHealthyAsync(ZodiaCoreApp.Services);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task With_charts_stopped_the_gateway_answers_503_problem_details_and_health_names_charts()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await app!.StopAsync("charts");
        using var client = app.CreateGatewayClient();

        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri("/openapi/charts/v1.json", UriKind.Relative), cts.Token);
        clock.Stop();

        await FoundationTests.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.True(clock.Elapsed < ChartsRouteTimeout + Margin, $"took {clock.Elapsed}");

        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative), cts.Token);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode); // degraded, still serving the other services
        using var json = await JsonDocument.ParseAsync(await health.Content.ReadAsStreamAsync(cts.Token), cancellationToken: cts.Token);
        Assert.Equal("degraded", json.RootElement.GetProperty("status").GetString());
        var dependencies = json.RootElement.GetProperty("dependencies");
        Assert.Equal("degraded", dependencies.GetProperty("charts").GetProperty("status").GetString());
        Assert.Equal("charts is unreachable", dependencies.GetProperty("charts").GetProperty("description").GetString());
        // Identity calls charts, so it may itself report degraded; it is still reachable.
        Assert.NotEqual("unhealthy", dependencies.GetProperty("identity").GetProperty("status").GetString());
        Assert.NotEqual("identity is unreachable", dependencies.GetProperty("identity").GetProperty("description").GetString());
    }

    [Fact]
    public async Task With_redis_stopped_the_login_limit_still_holds_in_process_and_other_requests_pass()
    {
        await app!.StopAsync("redis");
        using var client = app.CreateGatewayClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            using var response = await client.PostAsync(new Uri("/api/auth/login", UriKind.Relative),
                new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
        using var other = await client.GetAsync(new Uri("/openapi/identity/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
