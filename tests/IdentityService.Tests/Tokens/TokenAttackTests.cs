using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ZodiaCore.IdentityService.Accounts;
using ZodiaCore.IdentityService.Tokens;

namespace ZodiaCore.IdentityService.Tests.Tokens;

public class TokenAttackTests : IDisposable
{
    private readonly TokenTestKit _kit = new(configuredPem: TokenTestKit.NewPem());

    private static readonly UserAccount Alice = new()
    {
        Id = "user-alice",
        EmailHash = "h",
        EmailCiphertext = [1],
        DisplayName = "Alice",
        PasswordHash = "x",
        Roles = [Roles.User],
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    public void Dispose() => _kit.Dispose();

    private async Task<string> IssueAsync() =>
        (await _kit.Issuer.IssueAccessTokenAsync(Alice, "session-1", CancellationToken.None)).Token;

    [Fact]
    public async Task A_freshly_issued_token_validates_with_its_subject_and_roles()
    {
        var result = await _kit.ValidateAsync(await IssueAsync());

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("user-alice", result.ClaimsIdentity.Name);
        Assert.True(new ClaimsPrincipal(result.ClaimsIdentity).IsInRole(Roles.User));
        Assert.False(new ClaimsPrincipal(result.ClaimsIdentity).IsInRole(Roles.Admin));
    }

    [Fact]
    public async Task The_token_header_names_RS256_and_the_published_key_id()
    {
        var token = new JsonWebToken(await IssueAsync());
        var published = await _kit.Ring.GetPublishedKeysAsync(false, CancellationToken.None);

        Assert.Equal("RS256", token.Alg);
        Assert.Contains(token.Kid, published.Select(k => k.KeyId));
    }

    [Fact]
    public async Task The_token_carries_no_personal_data_only_the_minimal_claims()
    {
        var token = new JsonWebToken(await IssueAsync());

        Assert.Equal(["aud", "exp", "iat", "iss", "jti", "nbf", "role", "sid", "sub"], token.Claims.Select(c => c.Type).Distinct().Order().ToArray());
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_rejected()
    {
        var parts = (await IssueAsync()).Split('.');
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");

        var result = await _kit.ValidateAsync($"{header}.{parts[1]}.");

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task An_HS256_token_signed_with_the_public_key_is_rejected()
    {
        var published = (await _kit.Ring.GetPublishedKeysAsync(false, CancellationToken.None))[0];
        // The classic confusion attack: the verifier's public key, as PEM text, used as an HMAC secret.
        var publicPem = Encoding.ASCII.GetBytes(published.Public.Rsa?.ExportSubjectPublicKeyInfoPem()
            ?? RSA.Create(published.Public.Parameters).ExportSubjectPublicKeyInfoPem());
        var forged = Forge(new SymmetricSecurityKey(publicPem) { KeyId = published.KeyId }, SecurityAlgorithms.HmacSha256);

        var result = await _kit.ValidateAsync(forged);

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task A_token_signed_by_an_unknown_key_is_rejected()
    {
        using var attacker = RSA.Create(2048);
        var forged = Forge(new RsaSecurityKey(attacker) { KeyId = "attacker-key" }, SecurityAlgorithms.RsaSha256);

        var result = await _kit.ValidateAsync(forged);

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task A_token_signed_by_another_key_but_claiming_the_real_kid_is_rejected()
    {
        var realKid = (await _kit.Ring.GetPublishedKeysAsync(false, CancellationToken.None))[0].KeyId;
        using var attacker = RSA.Create(2048);
        var forged = Forge(new RsaSecurityKey(attacker) { KeyId = realKid }, SecurityAlgorithms.RsaSha256);

        var result = await _kit.ValidateAsync(forged);

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task A_token_without_a_kid_is_rejected()
    {
        var key = (await _kit.Ring.GetPublishedKeysAsync(false, CancellationToken.None))[0];
        var forged = Forge(new RsaSecurityKey(key.Private.Rsa) { KeyId = null }, SecurityAlgorithms.RsaSha256);

        var result = await _kit.ValidateAsync(forged);

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task A_token_whose_payload_was_changed_is_rejected()
    {
        var parts = (await IssueAsync()).Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["role"] = new JsonArray("user", "admin");
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";

        var result = await _kit.ValidateAsync(tampered);

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task A_token_expired_beyond_the_30_second_skew_is_rejected()
    {
        using var issuedEarlier = KitAt(DateTimeOffset.UtcNow - new IdentityTokenOptions().AccessTokenLifetime - TimeSpan.FromSeconds(60));
        var token = await issuedEarlier.Issuer.IssueAccessTokenAsync(Alice, "session-1", CancellationToken.None);

        var result = await issuedEarlier.ValidateAsync(token.Token);

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenExpiredException>(result.Exception);
    }

    [Fact]
    public async Task A_token_expired_within_the_skew_is_still_accepted()
    {
        using var issuedEarlier = KitAt(DateTimeOffset.UtcNow - new IdentityTokenOptions().AccessTokenLifetime - TimeSpan.FromSeconds(10));
        var token = await issuedEarlier.Issuer.IssueAccessTokenAsync(Alice, "session-1", CancellationToken.None);

        var result = await issuedEarlier.ValidateAsync(token.Token);

        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_rejected()
    {
        var result = await _kit.ValidateAsync(await IssueAsync(), audience: "some-other-api");

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_rejected()
    {
        var result = await _kit.ValidateAsync(await IssueAsync(), issuer: "https://evil.example");

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task A_service_token_is_not_accepted_as_a_user_access_token()
    {
        var service = await _kit.Issuer.IssueServiceTokenAsync("charts", CancellationToken.None);

        Assert.False((await _kit.ValidateAsync(service.Token)).IsValid);
        var internalResult = await _kit.ValidateAsync(service.Token, audience: TokenValidation.InternalAudience);
        Assert.True(internalResult.IsValid);
        Assert.True(new ClaimsPrincipal(internalResult.ClaimsIdentity).IsInRole(Roles.Service));
    }

    // Validation uses the real clock, so an expired token is one issued by a clock set in the past.
    private static TokenTestKit KitAt(DateTimeOffset issuedAt) =>
        new(configuredPem: TokenTestKit.NewPem(), time: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(issuedAt));

    private static string Forge(SecurityKey key, string algorithm)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TokenValidation.DefaultIssuer,
            Audience = TokenValidation.DefaultAudience,
            Subject = new ClaimsIdentity([new Claim("sub", "user-alice"), new Claim("role", "admin")]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
    }
}
