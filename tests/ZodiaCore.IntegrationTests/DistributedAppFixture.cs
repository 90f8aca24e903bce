using System.Security.Cryptography;

namespace ZodiaCore.IntegrationTests;

/// <summary>The shared ZodiaCore for every test that only reads from it.</summary>
public sealed class DistributedAppFixture : IAsyncLifetime
{
    private ZodiaCoreApp? app;

    public ZodiaCoreApp App => app ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>
    /// A service client IdentityService knows in this run only (its secret made up at start), so a test can look at
    /// what a service holds through its /internal endpoints, as IdentityService does.
    /// </summary>
    public (string Id, string Secret) TestClient { get; } = ("zodiacore-tests", Convert.ToHexString(RandomNumberGenerator.GetBytes(24)));

    public async ValueTask InitializeAsync()
    {
        // Suites share this app: their logins must not spend each other's rate limits.
        app = await ZodiaCoreApp.StartAsync(b =>
        {
            ZodiaCoreApp.ConfigureGateways(b, "RateLimiting__Auth__PermitLimit", "100000");
            ZodiaCoreApp.ConfigureProject(b, "identity", $"Identity__Clients__{TestClient.Id}__Secret", TestClient.Secret);
        });
        await app.WaitHealthyAsync(ZodiaCoreApp.Services);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}

/// <summary>Distributed tests share one AppHost and never run in parallel with each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DistributedCollection : ICollectionFixture<DistributedAppFixture>
{
    public const string Name = "distributed";
}
