using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using ZodiaCore.ServiceDefaults.Health;

namespace ZodiaCore.ServiceDefaults.Tests;

/// <summary>Stopping (what SIGTERM does) drains in-flight requests over real Kestrel, up to SHUTDOWN_TIMEOUT_SECONDS.</summary>
public sealed class GracefulShutdownTests : IAsyncDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("zodiacore-shutdown-").FullName;
    private readonly TaskCompletionSource _requestStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Uri> StartAsync(int? shutdownSeconds = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration["ZODIACORE_DATA_DIR"] = _dataDirectory;
        builder.Configuration["SHUTDOWN_TIMEOUT_SECONDS"] = shutdownSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        _app = builder.Build();
        _app.MapGet("/slow", async () =>
        {
            _requestStarted.TrySetResult();
            // Not the request's abort token: the point is what happens to work that does not stop by itself.
            await _release.Task;
            return "done";
        });
        await _app.StartAsync(Ct);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }

    [Fact]
    public async Task A_request_in_flight_when_stopping_begins_completes_and_readiness_turns_unhealthy()
    {
        var address = await StartAsync();
        using var client = new HttpClient { BaseAddress = address };
        var inFlight = client.GetStringAsync("/slow", Ct);
        await _requestStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        var stopping = _app!.StopAsync(Ct);
        var readiness = await _app.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(r => r.Tags.Contains(HealthEndpoints.ReadyTag), Ct);
        _release.SetResult();

        Assert.Equal("done", await inFlight.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        await stopping.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(HealthStatus.Unhealthy, readiness.Status);
    }

    [Fact]
    public async Task A_request_longer_than_the_shutdown_timeout_does_not_hold_the_process()
    {
        var address = await StartAsync(shutdownSeconds: 1);
        using var client = new HttpClient { BaseAddress = address };
        var inFlight = client.GetAsync("/slow", Ct);
        await _requestStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        // Generous bound: the timeout is 1 s; the test only shows the host does not wait for the request.
        await _app!.StopAsync(Ct).WaitAsync(TimeSpan.FromSeconds(20), Ct);

        Assert.False(inFlight.IsCompletedSuccessfully && (await inFlight).IsSuccessStatusCode);
        _release.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Log files may still be closing; the temp folder is cleaned by the OS.
        }
    }
}
