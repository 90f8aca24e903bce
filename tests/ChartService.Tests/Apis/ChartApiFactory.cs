using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ZodiaCore.ChartService.Storage.LiteDb;
using ZodiaCore.ServiceDefaults.Authentication;

namespace ZodiaCore.ChartService.Tests.Apis;

/// <summary>
/// ChartService's real Program in-process (environment Testing) on a temporary data directory (LiteDB), with a fake clock and bearer
/// tokens signed by a key the test holds (registered as the signing-key source, in place of the JWKS over HTTP).
/// </summary>
public sealed class ChartApiFactory : WebApplicationFactory<Program>, IIssuerSigningKeySource
{
    private IHost? startedHost;

    public const string Issuer = "https://identity.test";
    public const string Audience = "zodiacore-api";

    private readonly RsaSecurityKey _signingKey = new(RSA.Create(2048)) { KeyId = "test-signing-key" };

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("zodiacore-charts-api-").FullName;

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>A Redis connection string, or null for the memory-only cache.</summary>
    public string? Redis { get; init; }

    /// <summary>Extra settings, as the environment would give them.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra test registrations, applied after the service's own.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>False when a test inspects the raw store after the host has stopped.</summary>
    public bool DeleteDataOnDispose { get; set; } = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Not Development: there WebApplication puts its developer exception page inside the shared exception
        // handler, and unreadable bodies would not reach ServiceDefaults' BadRequestExceptionHandler.
        builder.UseEnvironment("Testing");
        builder.UseSetting("ZODIACORE_MANAGEMENT_PORT", "9464");
        builder.UseSetting("ENCRYPTION_KEY", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("ZODIACORE_DATA_DIR", DataDirectory);
        builder.UseSetting(TokenValidationSettings.IssuerKey, Issuer);
        builder.UseSetting(TokenValidationSettings.AudienceKey, Audience);
        // Required by AddDefaultAuthentication; never fetched, because this factory is the key source.
        builder.UseSetting(TokenValidationSettings.JwksUrlKey, "http://identity.invalid/.well-known/jwks.json");
        if (Redis is not null)
        {
            builder.UseSetting("ConnectionStrings:redis", Redis);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<IIssuerSigningKeySource>(this);
            TestServices?.Invoke(services);
        });
    }

    public ValueTask<IReadOnlyList<SecurityKey>> GetSigningKeysAsync(bool refresh, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<SecurityKey>>([_signingKey]);

    /// <summary>An RS256 access token as IdentityService issues them.</summary>
    public string CreateToken(string subject, string role, string audience = Audience) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = DateTime.UtcNow,
            NotBefore = DateTime.UtcNow.AddSeconds(-5),
            Expires = DateTime.UtcNow.AddMinutes(30),
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["role"] = role },
            SigningCredentials = new SigningCredentials(_signingKey, SecurityAlgorithms.RsaSha256),
        });

    public HttpClient CreateUserClient(string userId, string role = "user") => CreateClientWith(CreateToken(userId, role));

    public HttpClient CreateServiceClient() =>
        CreateClientWith(CreateToken("identity", "service", TokenValidationSettings.InternalAudience));

    private HttpClient CreateClientWith(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
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
        host?.Services.GetService<ChartLiteDatabase>()?.Dispose();
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
