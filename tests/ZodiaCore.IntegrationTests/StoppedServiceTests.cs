using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace ZodiaCore.IntegrationTests;

/// <summary>A service that goes away: the gateway says so quickly and precisely. Gets its own AppHost.</summary>
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
        var commands = app!.App.Services.GetRequiredService<ResourceCommandService>();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var result = await commands.ExecuteCommandAsync("charts", KnownResourceCommands.StopCommand, cts.Token);
        Assert.True(result.Success, result.Message);
        await app.Notifications.WaitForResourceAsync("charts", [KnownResourceStates.Exited, KnownResourceStates.Finished], cts.Token);
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
        Assert.Equal("healthy", dependencies.GetProperty("identity").GetProperty("status").GetString());
    }
}
