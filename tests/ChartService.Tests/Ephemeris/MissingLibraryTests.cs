using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using ZodiaCore.ServiceDefaults.Authentication;

namespace ZodiaCore.ChartService.Tests.Ephemeris;

/// <summary>
/// ChartService started as its own process with a libswe that cannot be loaded (<c>Ephemeris:Library</c> pointing at
/// no file): a separate process because this one has already bound its P/Invokes to the real library.
/// </summary>
public sealed class MissingLibraryTests : IAsyncLifetime
{
    private readonly int publicPort = FreePort();
    private readonly int managementPort = FreePort();
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("zodiacore-no-libswe-").FullName;
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private Process? service;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_the_library_the_service_is_not_ready_and_says_what_to_install()
    {
        using var ready = await http.GetAsync(new Uri($"http://127.0.0.1:{publicPort}/ready"), Token);
        using var health = await http.GetAsync(new Uri($"http://127.0.0.1:{managementPort}/health"), Token);
        var report = await health.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("apt-get install libswe2.0 swe-standard-data", report, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/libswe-missing.so", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_library_a_chart_request_is_a_503_problem_saying_what_to_install()
    {
        var request = new { birth = new { utc = "1990-05-15T13:30:00Z" }, location = new { latitude = 51.5, longitude = -0.13 } };

        using var response = await http.PostAsJsonAsync(new Uri($"http://127.0.0.1:{publicPort}/api/charts/natal"), request, Token);
        var body = await response.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ephemeris-unavailable", body, StringComparison.Ordinal);
        Assert.Contains("apt-get install libswe2.0 swe-standard-data", body, StringComparison.Ordinal);
    }

    public async ValueTask InitializeAsync()
    {
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        var environment = start.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{publicPort}";
        environment["ZODIACORE_MANAGEMENT_PORT"] = managementPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["ZODIACORE_DATA_DIR"] = dataDirectory;
        environment["ENCRYPTION_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        environment[TokenValidationSettings.IssuerKey.Replace(":", "__", StringComparison.Ordinal)] = ChartApiIssuer;
        environment[TokenValidationSettings.AudienceKey.Replace(":", "__", StringComparison.Ordinal)] = "zodiacore-api";
        environment[TokenValidationSettings.JwksUrlKey.Replace(":", "__", StringComparison.Ordinal)] = "http://identity.invalid/.well-known/jwks.json";
        environment["Ephemeris__Library"] = "/nonexistent/libswe-missing.so";
        environment.Remove("ConnectionStrings__redis");
        service = Process.Start(start)!;
        service.OutputDataReceived += (_, _) => { };
        service.ErrorDataReceived += (_, _) => { };
        service.BeginOutputReadLine();
        service.BeginErrorReadLine();

        // Alive long before ready: the process answers /alive whatever its dependencies.
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(service.HasExited, $"ChartService exited with code {(service.HasExited ? service.ExitCode : 0)}");
            try
            {
                using var alive = await http.GetAsync(new Uri($"http://127.0.0.1:{publicPort}/alive"), Token);
                if (alive.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, Token);
        }

        Assert.Fail("ChartService did not start within 60 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (service is { HasExited: false })
        {
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync();
        }

        service?.Dispose();
        http.Dispose();
        Directory.Delete(dataDirectory, recursive: true);
    }

    private const string ChartApiIssuer = "https://identity.test";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
