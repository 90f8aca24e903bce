using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using ZodiaCore.IdentityService.Storage.LiteDb;

namespace ZodiaCore.IdentityService.Tests.Api;

/// <summary>IdentityService in-process on a temporary data directory (LiteDB), with a fake clock.</summary>
public sealed class IdentityApiFactory : WebApplicationFactory<Program>
{
    private IHost? startedHost;

    public const string AdminEmail = "root.admin@example.com";
    public const string AdminPassword = "bootstrap admin passphrase 7";
    public const string ClientSecret = "a-long-random-test-client-secret";

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("zodiacore-identity-api-").FullName;

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>False when a test inspects the raw store after the host has stopped.</summary>
    public bool DeleteDataOnDispose { get; set; } = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ENCRYPTION_KEY", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("ZODIACORE_DATA_DIR", DataDirectory);
        builder.UseSetting("Identity:UserDataServices", "");
        builder.UseSetting("Identity:BootstrapAdmin:Email", AdminEmail);
        builder.UseSetting("Identity:BootstrapAdmin:Password", AdminPassword);
        builder.UseSetting("Identity:Clients:charts:Secret", ClientSecret);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

#pragma warning disable CA1822 // instance methods read better at call sites: factory.LoginAsync(client, …)
    public async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string password = "violet tractor umbrella 42") =>
        await client.PostAsJsonAsync("/api/auth/register", new { email, password, displayName = "Test User" }, TestContext.Current.CancellationToken);

    public async Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password = "violet tractor umbrella 42") =>
        await client.PostAsJsonAsync("/api/auth/login", new { email, password }, TestContext.Current.CancellationToken);

    /// <summary>Logs in and returns the access token (the login must succeed).</summary>
    public async Task<string> AccessTokenAsync(HttpClient client, string email, string password = "violet tractor umbrella 42")
    {
        using var login = await LoginAsync(client, email, password);
        login.EnsureSuccessStatusCode();
        var body = await login.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return body.GetProperty("accessToken").GetString()!;
    }

#pragma warning restore CA1822

    /// <summary>Sends a request with a bearer token and, when given, a JSON body.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string accessToken, object? body = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Content = body is null ? null : JsonContent.Create(body);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        startedHost = base.CreateHost(builder);
        return startedHost;
    }

    public override async ValueTask DisposeAsync()
    {
        // The app disposes its services on its own thread after base.DisposeAsync has returned; close the embedded
        // store first, so a test that reads the file, or starts again on the same data, never meets it half closed.
        var host = Interlocked.Exchange(ref startedHost, null);
        host?.Services.GetService<IdentityLiteDatabase>()?.Dispose();
        await base.DisposeAsync();
        if (!DeleteDataOnDispose)
        {
            return;
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
