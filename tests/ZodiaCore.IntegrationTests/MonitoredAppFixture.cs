using System.Globalization;

namespace ZodiaCore.IntegrationTests;

/// <summary>
/// ZodiaCore with a language model (the fake OpenAI provider) and Prometheus, shared by the quota, dashboard and alert
/// tests: one start for all three. Its settings make rare events cheap to cause: a small daily quota, a short lockout
/// threshold, identity's gauges refreshed as often as Prometheus scrapes, a short interpretation route timeout at the
/// gateway, and the test process as a trusted proxy so each simulated client has its own address and login limit.
/// A second gateway replica is there to be stopped.
/// </summary>
public sealed class MonitoredAppFixture : IAsyncLifetime
{
    public const int DailyLlmQuota = 2;
    public const int LockoutThreshold = 2;
    public const string SpareGateway = "gateway-2";
    public static readonly TimeSpan InterpretationRouteTimeout = TimeSpan.FromSeconds(10);

    private ZodiaCoreApp? app;

    public ZodiaCoreApp App => app ?? throw new InvalidOperationException("The app has not started.");

    // Long enough past the route timeout that the gateway gives up first even on a slow machine.
    public FakeOpenAiProvider Provider { get; } = new(slowAnswerDelay: InterpretationRouteTimeout + TimeSpan.FromSeconds(3));

    public async ValueTask InitializeAsync()
    {
        app = await ZodiaCoreApp.StartAsync(builder =>
        {
            ZodiaCoreApp.ConfigureProject(builder, "interpretation", "OPENAI_API_KEY", FakeOpenAiProvider.ApiKey);
            ZodiaCoreApp.ConfigureProject(builder, "interpretation", "OpenAI__BaseUrl", Provider.BaseUrl);
            ZodiaCoreApp.ConfigureProject(builder, "interpretation", "Interpretation__DailyLlmQuota", DailyLlmQuota.ToString(CultureInfo.InvariantCulture));
            ZodiaCoreApp.ConfigureProject(builder, "identity", "Identity__Lockout__MaxFailedAttempts", LockoutThreshold.ToString(CultureInfo.InvariantCulture));
            // The active refresh-token gauge is refreshed by this pass (every minute by default): keep it as fresh as the scrapes.
            ZodiaCoreApp.ConfigureProject(builder, "identity", "Identity__MaintenanceInterval", "00:00:02");
            ZodiaCoreApp.ConfigureGateways(builder, "RateLimiting__TrustedProxies__0", "127.0.0.1");
            ZodiaCoreApp.ConfigureGateways(builder, "ReverseProxy__Clusters__interpretation__HttpRequest__ActivityTimeout",
                InterpretationRouteTimeout.ToString("c", CultureInfo.InvariantCulture));
        }, ["ZodiaCore:GatewayReplicas=2"]);
        await app.WaitHealthyAsync([.. ZodiaCoreApp.Services, SpareGateway]);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        Provider.Dispose();
    }
}

/// <summary>The tests that share <see cref="MonitoredAppFixture"/>; like every distributed test, never in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MonitoredCollection : ICollectionFixture<MonitoredAppFixture>
{
    public const string Name = "monitored";
}
