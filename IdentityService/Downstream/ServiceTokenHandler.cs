using System.Net.Http.Headers;
using ZodiaCore.IdentityService.Tokens;

namespace ZodiaCore.IdentityService.Downstream;

/// <summary>Adds a service token, minted in-process, to IdentityService's calls to other services' /internal endpoints.</summary>
public sealed class ServiceTokenHandler(TokenIssuer issuer, Microsoft.Extensions.Options.IOptions<IdentityTokenOptions> options, TimeProvider time)
    : DelegatingHandler
{
    private IssuedToken? _cached;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = _cached;
        // Renew a minute early so a token never expires in flight.
        if (token is null || token.ExpiresAt - TimeSpan.FromMinutes(1) <= time.GetUtcNow())
        {
            token = await issuer.IssueServiceTokenAsync(options.Value.ServiceClientId, cancellationToken).ConfigureAwait(false);
            _cached = token;
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
