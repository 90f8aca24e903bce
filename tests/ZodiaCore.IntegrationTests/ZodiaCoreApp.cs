using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ZodiaCore.AppHost.Infrastructure;

namespace ZodiaCore.IntegrationTests;

/// <summary>
/// One running ZodiaCore in local infrastructure mode (no container engine needed), with its own data
/// directory and system-chosen ports so several can run side by side.
/// </summary>
public sealed class ZodiaCoreApp : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    public static readonly string[] Services = ["identity", "charts", "interpretation", "gateway"];

    private ZodiaCoreApp(DistributedApplication app, string dataDirectory, string monitoringDirectory)
    {
        App = app;
        DataDirectory = dataDirectory;
        MonitoringDirectory = monitoringDirectory;
    }

    public DistributedApplication App { get; }

    public string DataDirectory { get; }

    /// <summary>The repository's monitoring/ folder: the rules and dashboards this app's Prometheus serves.</summary>
    public string MonitoringDirectory { get; }

    public HttpClient CreateGatewayClient() => App.CreateHttpClient("gateway", "http");

    public HttpClient CreateServiceClient(string service) => App.CreateHttpClient(service, "http");

    public ResourceNotificationService Notifications => App.Services.GetRequiredService<ResourceNotificationService>();

    /// <summary>Builds and starts the AppHost; <paramref name="configure"/> may change the model before it starts.</summary>
    public static async Task<ZodiaCoreApp> StartAsync(Action<IDistributedApplicationTestingBuilder>? configure = null,
        IEnumerable<string>? extraArgs = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("zodiacore-test-").FullName;
        string[] args =
        [
            "ZodiaCore:Infrastructure=local",
            $"ZODIACORE_DATA_DIR={dataDirectory}",
            "ZODIACORE_GATEWAY_PORT=0",
            "ZODIACORE_PROMETHEUS_PORT=0",
            "ZodiaCore:Prometheus:ScrapeInterval=2s",
            .. extraArgs ?? [],
        ];
        using var cts = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(args, cts.Token);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        configure?.Invoke(builder);
        var app = await builder.BuildAsync(cts.Token).WaitAsync(StartTimeout, cts.Token);
        try
        {
            await app.StartAsync(cts.Token).WaitAsync(StartTimeout, cts.Token);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new ZodiaCoreApp(app, dataDirectory, Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "monitoring")));
    }

    /// <summary>Sets an environment variable on every gateway replica before the app starts.</summary>
    public static void ConfigureGateways(IDistributedApplicationTestingBuilder builder, string name, string value)
    {
        foreach (var gateway in builder.Resources.OfType<ProjectResource>().Where(r => r.Name.StartsWith("gateway", StringComparison.Ordinal)).ToList())
        {
            builder.CreateResourceBuilder(gateway).WithEnvironment(name, value);
        }
    }

    /// <summary>Sets an environment variable on one project resource before the app starts.</summary>
    public static void ConfigureProject(IDistributedApplicationTestingBuilder builder, string resource, string name, string value) =>
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == resource)).WithEnvironment(name, value);

    /// <summary>Waits for this app's Prometheus to be ready; skips the test where prometheus is not installed.</summary>
    public async Task<PrometheusApi> ConnectPrometheusAsync()
    {
        Assert.SkipWhen(ExecutableLookup.Find("prometheus") is null, "prometheus is not installed (apt-get install prometheus)");
        await WaitHealthyAsync(["prometheus"], TimeSpan.FromMinutes(1));
        return new PrometheusApi(App.CreateHttpClient("prometheus", "http"));
    }

    /// <summary>Stops a resource through the same command the dashboard uses and waits until it has exited.</summary>
    public async Task StopAsync(string resource)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var commands = App.Services.GetRequiredService<ResourceCommandService>();
        string[] stopped = [KnownResourceStates.Exited, KnownResourceStates.Finished];
        var result = await commands.ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand, cts.Token);
        if (result.Success || IsIn(resource, stopped))
        {
            await Notifications.WaitForResourceAsync(resource, stopped, cts.Token);
            return;
        }

        // Under load the orchestrator can report a stop as failed after the process has in fact ended (and not
        // update the resource's state); a service that dies is just as much "down". So check the process
        // itself, and end it the way a crash would if it is still there.
        Assert.True(Notifications.TryGetCurrentState(resource, out var state), $"{resource} is not in the model");
        var pid = state.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value;
        Assert.True(pid is not null, $"stopping {resource} failed ({result.Message}) and its process id is unknown");
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(Convert.ToInt32(pid, System.Globalization.CultureInfo.InvariantCulture));
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(cts.Token);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }

    private bool IsIn(string resource, string[] states) =>
        Notifications.TryGetCurrentState(resource, out var state) && states.Contains(state.Snapshot.State?.Text);

    /// <summary>Waits until each named resource reports healthy.</summary>
    public async Task WaitHealthyAsync(IEnumerable<string> resources, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? StartTimeout);
        foreach (var resource in resources)
        {
            await Notifications.WaitForResourceHealthyAsync(resource, cts.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await App.StopAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            // Disposal below still tears the processes down.
        }
        finally
        {
            await App.DisposeAsync();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A process may still hold a log file for a moment; the temp folder is cleaned by the OS.
            }
        }
    }
}
