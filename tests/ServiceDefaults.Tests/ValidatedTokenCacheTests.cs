using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ZodiaCore.ServiceDefaults.Authentication;

namespace ZodiaCore.ServiceDefaults.Tests;

public sealed class ValidatedTokenCacheTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly RSA rsa = RSA.Create(2048);
    private readonly FakeTimeProvider time = new(Now);
    private readonly TokenRevocations revocations;
    private readonly ValidatedTokenCache cache;
    private readonly RsaSecurityKey key;

    public ValidatedTokenCacheTests()
    {
        revocations = new TokenRevocations(time);
        cache = new ValidatedTokenCache(time, revocations);
        key = new RsaSecurityKey(rsa) { KeyId = "k1" };
    }

    [Fact]
    public async Task A_token_validated_once_is_accepted_again_without_verifying_its_signature()
    {
        var token = Token(Now.AddMinutes(15));
        Assert.True((await cache.ValidateTokenAsync(token, Parameters(key))).IsValid);

        // With no key at all a second full validation would fail: only the cache can accept it.
        var again = await cache.ValidateTokenAsync(token, Parameters(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "other" }));

        Assert.True(again.IsValid);
        Assert.Equal("u-1", again.ClaimsIdentity.FindFirst("sub")?.Value);
    }

    [Fact]
    public async Task A_cached_token_is_validated_in_full_again_after_a_minute()
    {
        var token = Token(Now.AddMinutes(15));
        await cache.ValidateTokenAsync(token, Parameters(key));
        time.Advance(TimeSpan.FromSeconds(61));

        var later = await cache.ValidateTokenAsync(token, Parameters(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "other" }));

        Assert.False(later.IsValid);
    }

    [Fact]
    public async Task A_cached_token_is_never_accepted_past_its_expiry()
    {
        var token = Token(Now.AddSeconds(20));
        Assert.True((await cache.ValidateTokenAsync(token, Parameters(key))).IsValid);
        time.Advance(TimeSpan.FromSeconds(21));

        var later = await cache.ValidateTokenAsync(token, Parameters(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "other" }));

        Assert.False(later.IsValid);
    }

    [Fact]
    public async Task An_invalid_token_is_not_remembered()
    {
        var token = Token(Now.AddMinutes(15));
        Assert.False((await cache.ValidateTokenAsync(token, Parameters(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "k1" }))).IsValid);

        Assert.True((await cache.ValidateTokenAsync(token, Parameters(key))).IsValid);
        Assert.False((await cache.ValidateTokenAsync(token + "x", Parameters(key))).IsValid);
    }

    [Fact]
    public async Task Each_request_gets_its_own_copy_of_the_identity()
    {
        var token = Token(Now.AddMinutes(15));
        var first = await cache.ValidateTokenAsync(token, Parameters(key));
        first.ClaimsIdentity.AddClaim(new Claim("role", "admin"));

        var second = await cache.ValidateTokenAsync(token, Parameters(key));

        Assert.False(second.ClaimsIdentity.HasClaim("role", "admin"));
    }

    [Fact]
    public async Task A_remembered_token_is_refused_once_its_subject_is_revoked_and_one_issued_later_is_accepted()
    {
        var token = Token(Now.AddMinutes(15));
        Assert.True((await cache.ValidateTokenAsync(token, Parameters(key))).IsValid);

        revocations.Apply(TokenRevocation.ForSubject("u-1", Now, TimeSpan.FromMinutes(15)));

        var refused = await cache.ValidateTokenAsync(token, Parameters(key));
        Assert.False(refused.IsValid);
        Assert.Contains("revoked", refused.Exception.Message, StringComparison.Ordinal);
        Assert.True((await cache.ValidateTokenAsync(Token(Now.AddMinutes(15), issuedAt: Now.AddSeconds(1)), Parameters(key))).IsValid);
    }

    [Fact]
    public async Task A_token_never_seen_before_is_refused_when_its_session_is_revoked()
    {
        revocations.Apply(TokenRevocation.ForSession("s-1", Now, TimeSpan.FromMinutes(15)));

        Assert.False((await cache.ValidateTokenAsync(Token(Now.AddMinutes(15)), Parameters(key))).IsValid);
    }

    public void Dispose()
    {
        cache.Dispose();
        rsa.Dispose();
    }

    private string Token(DateTimeOffset expires, DateTimeOffset? issuedAt = null) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "issuer",
        Audience = "zodiacore-api",
        Claims = new Dictionary<string, object> { ["sub"] = "u-1", ["sid"] = "s-1", ["role"] = "user" },
        IssuedAt = (issuedAt ?? Now.AddSeconds(-1)).UtcDateTime,
        NotBefore = Now.UtcDateTime.AddSeconds(-1),
        Expires = expires.UtcDateTime,
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
    });

    private TokenValidationParameters Parameters(SecurityKey signingKey)
    {
        var parameters = new TokenValidationSettings("issuer", "zodiacore-api", null).ToParameters();
        parameters.IssuerSigningKey = signingKey;
        parameters.ClockSkew = TimeSpan.Zero;
        parameters.LifetimeValidator = (notBefore, expires, _, _) => expires > time.GetUtcNow().UtcDateTime;
        return parameters;
    }
}
