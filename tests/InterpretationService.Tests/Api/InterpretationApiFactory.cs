using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using ZodiaCore.InterpretationService.Charts;
using ZodiaCore.InterpretationService.Storage.LiteDb;
using ZodiaCore.ServiceDefaults.Authentication;

namespace ZodiaCore.InterpretationService.Tests.Api;

/// <summary>
/// InterpretationService's real Program in-process on a temporary data directory (LiteDB), memory-only cache, a fake
/// clock, bearer tokens signed by a key the test holds, and a WireMock ChartService behind the "charts" client.
/// No provider key is configured, so the built-in interpreter answers.
/// </summary>
public class InterpretationApiFactory : WebApplicationFactory<Program>, IIssuerSigningKeySource
{
    private IHost? startedHost;

    public const string Issuer = "https://identity.test";
    public const string Audience = "zodiacore-api";

    /// <summary>Alice's saved chart; ChartService gives it only to a request carrying Alice's own token.</summary>
    public const string AliceChartId = "chart-alice-1";
    public const string AliceContentId = "content-alice-1";
    public const string InlineContentId = "content-inline-1";

    /// <summary>A chart id for which the fake ChartService answers 200 with a body that holds no chart.</summary>
    public const string GarbledChartId = "chart-garbled";

    /// <summary>A chart id for which the fake ChartService refuses the forwarded token (401), as it would one expired in between.</summary>
    public const string RefusedChartId = "chart-refused";

    /// <summary>A birth date ChartService's fake rejects with a field error, as the real one would.</summary>
    public const string InvalidBirthDate = "1990-02-30";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly RsaSecurityKey signingKey = new(RSA.Create(2048)) { KeyId = "test-signing-key" };
    private readonly ConcurrentDictionary<(string, string, string), string> tokens = new();

    public InterpretationApiFactory()
    {
        Charts = WireMockServer.Start();
        Charts.Given(Request.Create().WithPath("/api/charts/*").UsingGet()).AtPriority(100)
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "application/problem+json")
                .WithBody("""{"status":404,"title":"Chart not found"}"""));
        Charts.Given(Request.Create().WithPath("/api/charts/" + AliceChartId).UsingGet()
                .WithHeader("Authorization", "Bearer " + CreateToken("alice", "user"))).AtPriority(1)
            .RespondWith(JsonResponse(new
            {
                id = AliceChartId,
                name = "Alice",
                createdAt = "2026-01-01T00:00:00Z",
                contentId = AliceContentId,
                request = new { },
                chart = TestCharts.Natal(AliceContentId),
            }));
        Charts.Given(Request.Create().WithPath("/api/charts/" + GarbledChartId).UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"id":"x","chart":"#!"}"""));
        Charts.Given(Request.Create().WithPath("/api/charts/" + RefusedChartId).UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(401).WithHeader("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        Charts.Given(Request.Create().WithPath("/api/charts/natal").UsingPost()).AtPriority(100)
            .RespondWith(JsonResponse(TestCharts.Natal(InlineContentId)));
        Charts.Given(Request.Create().WithPath("/api/charts/natal").UsingPost().WithBody(new WildcardMatcher("*" + InvalidBirthDate + "*"))).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/problem+json")
                .WithBody("""{"status":400,"title":"One or more validation errors occurred.","errors":{"birth.date":["The date does not exist."]}}"""));
    }

    public WireMockServer Charts { get; }

    /// <summary>A fresh temporary directory unless a test shares one between hosts started one after another.</summary>
    public string DataDirectory { get; init; } = Directory.CreateTempSubdirectory("zodiacore-interpretation-api-").FullName;

    /// <summary>ENCRYPTION_KEY: random unless a test restarts the service on the same data with a key it holds.</summary>
    public string EncryptionKey { get; init; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>ENCRYPTION_OLD_KEYS, or null for none.</summary>
    public string? OldEncryptionKeys { get; init; }

    /// <summary>One hour before UTC midnight, so the quota's Retry-After is known: 3600 s.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(23), TimeSpan.Zero));

    /// <summary>
    /// True to leave the service on the system clock instead of <see cref="Time"/>: the resilience handlers' timeouts
    /// and retry delays run on the service's TimeProvider, and never pass on a clock nobody advances.
    /// </summary>
    public bool SystemClock { get; init; }

    /// <summary>A Redis connection string, or null for the memory-only cache and in-process quota counters.</summary>
    public string? Redis { get; init; }

    /// <summary>False when a test inspects the raw store after the host has stopped.</summary>
    public bool DeleteDataOnDispose { get; set; } = true;

    /// <summary>A natal request as a client sends it inline; the fake ChartService does not look inside.</summary>
    public static object InlineChart(string date = "1990-05-15") => new
    {
        birth = new { date, time = "14:30", timeZone = "Europe/Berlin" },
        location = new { latitude = 52.52, longitude = 13.405 },
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("ENCRYPTION_KEY", EncryptionKey);
        if (OldEncryptionKeys is not null)
        {
            builder.UseSetting("ENCRYPTION_OLD_KEYS", OldEncryptionKeys);
        }

        builder.UseSetting("ZODIACORE_DATA_DIR", DataDirectory);
        builder.UseSetting(TokenValidationSettings.IssuerKey, Issuer);
        builder.UseSetting(TokenValidationSettings.AudienceKey, Audience);
        // Required by AddDefaultAuthentication; never fetched, because this factory is the key source.
        builder.UseSetting(TokenValidationSettings.JwksUrlKey, "http://identity.invalid/.well-known/jwks.json");
        // Service discovery resolves http://charts from configuration: here, the WireMock ChartService.
        builder.UseSetting("Services:charts:http:0", Charts.Url);
        if (Redis is not null)
        {
            builder.UseSetting("ConnectionStrings:redis", Redis);
        }

        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (!SystemClock)
            {
                services.AddSingleton<TimeProvider>(Time);
            }

            services.AddSingleton<IIssuerSigningKeySource>(this);
        });
    }

    /// <summary>Extra configuration of a variant of this host (a fake provider, a quota).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings() => [];

    public ValueTask<IReadOnlyList<SecurityKey>> GetSigningKeysAsync(bool refresh, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<SecurityKey>>([signingKey]);

    /// <summary>An RS256 access token as IdentityService issues them; valid for days either side, whatever the fake clock says.</summary>
    public string CreateToken(string subject, string role, string audience = Audience) =>
        tokens.GetOrAdd((subject, role, audience), _ => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = DateTime.UtcNow.AddDays(-2),
            NotBefore = DateTime.UtcNow.AddDays(-2),
            Expires = DateTime.UtcNow.AddDays(2),
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["role"] = role },
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
        }));

    public HttpClient CreateUserClient(string userId, string role = "user") => CreateClientWith(CreateToken(userId, role));

    public HttpClient CreateServiceClient() =>
        CreateClientWith(CreateToken("identity", "service", TokenValidationSettings.InternalAudience));

    private HttpClient CreateClientWith(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static IResponseBuilder JsonResponse(object body) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(JsonSerializer.Serialize(body, Json));

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
        host?.Services.GetService<InterpretationLiteDatabase>()?.Dispose();
        await base.DisposeAsync();
        Charts.Stop();
        Charts.Dispose();
        GC.SuppressFinalize(this);
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
