using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using ZodiaCore.ServiceDefaults;

namespace ZodiaCore.Tests.Shared;

/// <summary>
/// An app on a TestServer with the shared service defaults and a temporary data folder of its own, both removed on
/// dispose; linked into the test projects that exercise the shared set-up (telemetry, problem details) directly.
/// </summary>
internal sealed class ServiceDefaultsHost : IAsyncDisposable
{
    private WebApplication? app;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("zodiacore-host-").FullName;

    /// <summary>
    /// Builds and starts the app: <paramref name="configure"/> runs before <c>AddServiceDefaults</c> (settings it reads,
    /// services of the test), <paramref name="map"/> after the app is built.
    /// </summary>
    public async Task<WebApplication> StartAsync(Action<WebApplicationBuilder> configure, Action<WebApplication> map, string environment = "Development")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Configuration["ZODIACORE_DATA_DIR"] = DataDirectory;
        configure(builder);
        builder.AddServiceDefaults();
        app = builder.Build();
        map(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Log files may still be closing; the temp folder is cleaned by the OS.
        }
    }
}
