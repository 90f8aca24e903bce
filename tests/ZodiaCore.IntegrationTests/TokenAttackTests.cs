using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ZodiaCore.IntegrationTests;

/// <summary>Tokens an attacker can make without the signing key: every one is refused with 401.</summary>
[Collection(DistributedCollection.Name)]
public sealed class TokenAttackTests(DistributedAppFixture fixture)
{
    private ZodiaCoreApp App => fixture.App;

    [Fact]
    public async Task A_genuine_token_is_accepted_as_the_control_case()
    {
        using var gateway = App.CreateGatewayClient();
        var account = await IdentityClient.RegisterAndLoginAsync(gateway);

        using var response = await IdentityClient.SendAsync(gateway, HttpMethod.Get, "/api/users/me", account.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unsigned_token_with_alg_none_is_refused()
    {
        var (gateway, account) = await AccountAsync();
        var (header, payload, _) = Split(account.AccessToken);
        var none = $"{Encode(Rewrite(header, h => h["alg"] = "none"))}.{payload}.";

        await AssertRefusedAsync(gateway, none);
    }

    [Fact]
    public async Task A_token_signed_HS256_with_the_published_public_key_is_refused()
    {
        var (gateway, account) = await AccountAsync();
        var (header, payload, _) = Split(account.AccessToken);
        var publicKey = await PublishedModulusAsync(gateway);
        var forgedHeader = Encode(Rewrite(header, h => h["alg"] = "HS256"));
        var signature = Base64UrlEncoder.Encode(HMACSHA256.HashData(publicKey, Encoding.ASCII.GetBytes($"{forgedHeader}.{payload}")));

        await AssertRefusedAsync(gateway, $"{forgedHeader}.{payload}.{signature}");
    }

    [Fact]
    public async Task A_token_signed_by_another_key_under_an_unknown_kid_is_refused()
    {
        var (gateway, account) = await AccountAsync();
        var claims = JsonDocument.Parse(Base64UrlEncoder.Decode(Split(account.AccessToken).Payload)).RootElement;
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = "attacker-key" };
        var forged = new JsonWebTokenHandler().CreateToken(claims.GetRawText(), new SigningCredentials(key, SecurityAlgorithms.RsaSha256));

        await AssertRefusedAsync(gateway, forged);
    }

    [Fact]
    public async Task A_token_signed_by_another_key_under_the_real_kid_is_refused()
    {
        var (gateway, account) = await AccountAsync();
        var (header, payload, _) = Split(account.AccessToken);
        using var rsa = RSA.Create(2048);
        var signature = Base64UrlEncoder.Encode(rsa.SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        await AssertRefusedAsync(gateway, $"{header}.{payload}.{signature}");
    }

    [Fact]
    public async Task A_token_whose_payload_was_changed_after_signing_is_refused()
    {
        var (gateway, account) = await AccountAsync();
        var (header, payload, signature) = Split(account.AccessToken);
        var tampered = Encode(Rewrite(payload, p => p["role"] = "admin"));

        await AssertRefusedAsync(gateway, $"{header}.{tampered}.{signature}");
    }

    private async Task<(HttpClient Gateway, TestAccount Account)> AccountAsync()
    {
        var gateway = App.CreateGatewayClient();
        return (gateway, await IdentityClient.RegisterAndLoginAsync(gateway));
    }

    private static async Task AssertRefusedAsync(HttpClient gateway, string token)
    {
        using (gateway)
        {
            using var response = await IdentityClient.SendAsync(gateway, HttpMethod.Get, "/api/users/me", token);
            await FoundationTests.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        }
    }

    private static async Task<byte[]> PublishedModulusAsync(HttpClient gateway)
    {
        using var response = await gateway.GetAsync(new Uri("/.well-known/jwks.json", UriKind.Relative), TestContext.Current.CancellationToken);
        using var json = await FoundationTests.ReadJsonAsync(response);
        return Base64UrlEncoder.DecodeBytes(json.RootElement.GetProperty("keys")[0].GetProperty("n").GetString()!);
    }

    private static (string Header, string Payload, string Signature) Split(string token)
    {
        var parts = token.Split('.');
        return (parts[0], parts[1], parts[2]);
    }

    private static string Rewrite(string encodedJson, Action<Dictionary<string, object?>> change)
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, object?>>(Base64UrlEncoder.Decode(encodedJson))!;
        change(values);
        return JsonSerializer.Serialize(values);
    }

    private static string Encode(string json) => Base64UrlEncoder.Encode(json);
}
