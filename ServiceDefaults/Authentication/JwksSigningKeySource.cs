using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace ZodiaCore.ServiceDefaults.Authentication;

/// <summary>
/// Reads IdentityService's JWKS lazily, with the resilience of the default HttpClient, so a service starts
/// before IdentityService is up and picks the keys up on the first authenticated request.
/// </summary>
internal sealed partial class JwksSigningKeySource(IHttpClientFactory httpClientFactory, TokenValidationSettings settings,
    ILogger<JwksSigningKeySource> logger) : IIssuerSigningKeySource
{
    public const string HttpClientName = "jwks";
    private IReadOnlyList<SecurityKey> lastKnown = [];

    public async ValueTask<IReadOnlyList<SecurityKey>> GetSigningKeysAsync(bool refresh, CancellationToken cancellationToken)
    {
        try
        {
            var client = httpClientFactory.CreateClient(HttpClientName);
            var json = await client.GetStringAsync(settings.JwksUrl, cancellationToken);
            var keys = new JsonWebKeySet(json).GetSigningKeys();
            lastKnown = [.. keys];
            return lastKnown;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or ArgumentException)
        {
            // Keys already known keep validating; without any, every token is rejected (401), never accepted.
            LogJwksUnavailable(logger, e, settings.JwksUrl);
            return lastKnown;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signing keys could not be fetched from {JwksUrl}")]
    private static partial void LogJwksUnavailable(ILogger logger, Exception exception, string? jwksUrl);
}
