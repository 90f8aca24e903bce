using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ZodiaCore.ServiceDefaults.Authentication;

/// <summary>
/// Feeds JwtBearer's validation from an <see cref="IIssuerSigningKeySource"/>. The token handler asks for a
/// refresh when it meets an unknown kid and retries, which is how a rotated-in key is picked up without a
/// restart; refreshes are rate-limited so a flood of made-up kids cannot hammer IdentityService.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "Lives as long as the options; the semaphore never allocates a wait handle.")]
internal sealed class SigningKeyConfigurationManager(IIssuerSigningKeySource source, string issuer, TimeProvider time)
    : BaseConfigurationManager, IConfigurationManager<OpenIdConnectConfiguration>
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RefreshFloor = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim gate = new(1, 1);
    private OpenIdConnectConfiguration? current;
    private DateTimeOffset fetchedAt;
    private volatile bool refreshRequested;

    public override async Task<BaseConfiguration> GetBaseConfigurationAsync(CancellationToken cancel) =>
        await GetConfigurationAsync(cancel);

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        var now = time.GetUtcNow();
        if (current is { } cached && now - fetchedAt < CacheLifetime
            && !(refreshRequested && now - fetchedAt >= RefreshFloor))
        {
            return cached;
        }

        await gate.WaitAsync(cancel);
        try
        {
            now = time.GetUtcNow();
            if (current is { } fresh && now - fetchedAt < RefreshFloor)
            {
                return fresh;
            }

            var keys = await source.GetSigningKeysAsync(refreshRequested, cancel);
            var configuration = new OpenIdConnectConfiguration { Issuer = issuer };
            foreach (var key in keys)
            {
                configuration.SigningKeys.Add(key);
            }

            current = configuration;
            fetchedAt = now;
            refreshRequested = false;
            return configuration;
        }
        finally
        {
            gate.Release();
        }
    }

    public override void RequestRefresh() => refreshRequested = true;
}
