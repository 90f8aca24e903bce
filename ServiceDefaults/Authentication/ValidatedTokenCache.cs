using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ZodiaCore.ServiceDefaults.Authentication;

/// <summary>
/// Remembers tokens that already passed full validation, for at most a minute and never past their expiry, so
/// a client's burst of requests costs one RSA verification instead of one each (the gateway and the service
/// both validate). The cache is keyed by the exact token text, bounded in size, and hands out a fresh copy of
/// the identity each time so no request can change what another one sees. A token revoked since (see
/// <see cref="TokenRevocations"/>) is refused whether it was remembered or not.
/// </summary>
internal sealed class ValidatedTokenCache : TokenHandler, IDisposable
{
    private static readonly TimeSpan MaximumAge = TimeSpan.FromMinutes(1);
    private readonly JsonWebTokenHandler inner = new() { MapInboundClaims = false };
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });
    private readonly TimeProvider time;

    private readonly TokenRevocations revocations;

    public ValidatedTokenCache(TimeProvider time, TokenRevocations revocations)
    {
        this.time = time;
        this.revocations = revocations;
    }

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(token, out Entry? entry) && entry is not null && entry.Expires > now)
        {
            if (revocations.IsRevoked(entry.Token))
            {
                return Revoked();
            }

            return new TokenValidationResult
            {
                IsValid = true,
                ClaimsIdentity = entry.Identity.Clone(),
                SecurityToken = entry.Token,
                Issuer = entry.Issuer,
                TokenType = entry.TokenType,
            };
        }

        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken validated)
        {
            // Remembered even when revoked: the next request with it is refused without another RSA verification.
            var expires = new DateTimeOffset(DateTime.SpecifyKind(validated.ValidTo, DateTimeKind.Utc));
            var until = expires < now + MaximumAge ? expires : now + MaximumAge;
            if (until > now)
            {
                cache.Set(token, new Entry(result.ClaimsIdentity.Clone(), validated, result.Issuer, result.TokenType, until),
                    new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = until });
            }

            if (revocations.IsRevoked(validated))
            {
                return Revoked();
            }
        }

        return result;
    }

    private static TokenValidationResult Revoked() => new()
    {
        IsValid = false,
        Exception = new SecurityTokenValidationException("The token was revoked: its account or session changed after it was issued."),
    };

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    public void Dispose() => cache.Dispose();

    private sealed record Entry(ClaimsIdentity Identity, JsonWebToken Token, string Issuer, string TokenType, DateTimeOffset Expires);
}
