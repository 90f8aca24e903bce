using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace ZodiaCore.IdentityService.Tests.Api;

public sealed class AuthFlowTests : IAsyncLifetime
{
    private readonly IdentityApiFactory _factory = new();
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _client = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    private async Task<(string Access, string Refresh)> RegisterAndLoginAsync(string email)
    {
        Assert.Equal(HttpStatusCode.Created, (await _factory.RegisterAsync(_client, email)).StatusCode);
        var login = await _factory.LoginAsync(_client, email);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var body = await JsonAsync(login);
        return (body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string accessToken, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await _client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task Register_login_me_refresh_and_logout_work_in_sequence()
    {
        var (access, refresh) = await RegisterAndLoginAsync("alice@example.com");

        var me = await JsonAsync(await SendAsync(HttpMethod.Get, "/api/users/me", access));
        Assert.Equal("alice@example.com", me.GetProperty("email").GetString());

        var refreshed = await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh }, Ct);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var pair = await JsonAsync(refreshed);
        Assert.Equal("Bearer", pair.GetProperty("tokenType").GetString());
        Assert.Equal(900, pair.GetProperty("expiresIn").GetInt32());
        var newRefresh = pair.GetProperty("refreshToken").GetString();

        Assert.Equal(HttpStatusCode.NoContent, (await _client.PostAsJsonAsync("/api/auth/logout", new { refreshToken = newRefresh }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = newRefresh }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_revokes_the_whole_family()
    {
        var (_, first) = await RegisterAndLoginAsync("bob@example.com");
        var second = (await JsonAsync(await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first }, Ct)))
            .GetProperty("refreshToken").GetString();

        var reuse = await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first }, Ct);
        var afterReuse = await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = second }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, reuse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterReuse.StatusCode);
    }

    [Fact]
    public async Task Five_failed_logins_lock_the_account_for_fifteen_minutes()
    {
        await _factory.RegisterAsync(_client, "carol@example.com");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.LoginAsync(_client, "carol@example.com", "wrong password here")).StatusCode);
        }

        var whileLocked = await _factory.LoginAsync(_client, "carol@example.com");
        _factory.Time.Advance(TimeSpan.FromMinutes(14));
        var stillLocked = await _factory.LoginAsync(_client, "carol@example.com");
        _factory.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var afterExpiry = await _factory.LoginAsync(_client, "carol@example.com");

        Assert.Equal((HttpStatusCode)423, whileLocked.StatusCode);
        Assert.NotNull(whileLocked.Headers.RetryAfter);
        Assert.Equal((HttpStatusCode)423, stillLocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterExpiry.StatusCode);
    }

    [Fact]
    public async Task Attempts_beyond_the_limit_made_while_earlier_ones_are_still_being_checked_are_locked_out_even_with_the_right_password()
    {
        var (access, _) = await RegisterAndLoginAsync("dora@example.com");
        var id = (await JsonAsync(await SendAsync(HttpMethod.Get, "/api/users/me", access))).GetProperty("id").GetString()!;
        var users = _factory.Services.GetRequiredService<ZodiaCore.IdentityService.Storage.IUserStore>();
        // Five attempts in parallel have been counted and are still verifying their passwords (Argon2 takes a while):
        // none has failed yet, so the account is not locked.
        for (var i = 0; i < 5; i++)
        {
            await users.IncrementFailedLoginsAsync(id, Ct);
        }

        var sixth = await _factory.LoginAsync(_client, "dora@example.com");
        _factory.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var afterExpiry = await _factory.LoginAsync(_client, "dora@example.com");

        Assert.Equal((HttpStatusCode)423, sixth.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterExpiry.StatusCode);
    }

    [Fact]
    public async Task Unknown_email_and_wrong_password_get_the_same_answer()
    {
        await _factory.RegisterAsync(_client, "dave@example.com");

        var unknown = await _factory.LoginAsync(_client, "nobody@example.com", "wrong password here");
        var wrong = await _factory.LoginAsync(_client, "dave@example.com", "wrong password here");

        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        var (a, b) = (await JsonAsync(unknown), await JsonAsync(wrong));
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
        Assert.Equal(a.GetProperty("title").GetString(), b.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Registering_with_roles_is_refused_naming_the_field()
    {
        var response = await _client.PostAsJsonAsync("/api/auth/register",
            new { email = "eve@example.com", password = "violet tractor umbrella 42", displayName = "Eve", roles = new[] { "admin" } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("roles", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.LoginAsync(_client, "eve@example.com")).StatusCode);
    }

    [Fact]
    public async Task A_duplicate_email_in_another_case_is_refused()
    {
        await _factory.RegisterAsync(_client, "frank@example.com");

        var again = await _factory.RegisterAsync(_client, "  FRANK@Example.com ");

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.True((await JsonAsync(again)).GetProperty("errors").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task A_user_without_the_admin_role_gets_403_on_admin_endpoints()
    {
        var (access, _) = await RegisterAndLoginAsync("grace@example.com");

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Get, "/api/admin/users", access)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.GetAsync(new Uri("/api/admin/users", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task The_bootstrap_admin_finds_a_user_by_email_and_can_lock_them()
    {
        await _factory.RegisterAsync(_client, "heidi@example.com");
        var admin = (await JsonAsync(await _factory.LoginAsync(_client, IdentityApiFactory.AdminEmail, IdentityApiFactory.AdminPassword)))
            .GetProperty("accessToken").GetString()!;

        var found = await JsonAsync(await SendAsync(HttpMethod.Get, "/api/admin/users?email=HEIDI@example.com&page=1&pageSize=10", admin));
        var id = found.GetProperty("items")[0].GetProperty("id").GetString();
        var locked = await SendAsync(HttpMethod.Post, $"/api/admin/users/{id}/lock", admin);

        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Equal((HttpStatusCode)423, (await _factory.LoginAsync(_client, "heidi@example.com")).StatusCode);
    }

    [Fact]
    public async Task A_page_size_above_100_is_refused_naming_the_parameter()
    {
        var admin = (await JsonAsync(await _factory.LoginAsync(_client, IdentityApiFactory.AdminEmail, IdentityApiFactory.AdminPassword)))
            .GetProperty("accessToken").GetString()!;

        var response = await SendAsync(HttpMethod.Get, "/api/admin/users?pageSize=101", admin);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task Of_password_changes_sent_together_with_the_same_current_password_only_one_succeeds()
    {
        var (access, _) = await RegisterAndLoginAsync("judy@example.com");

        var changes = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => SendAsync(HttpMethod.Post, "/api/users/me/password", access,
            new { currentPassword = "violet tractor umbrella 42", newPassword = $"racing passphrase number {i}" })));

        Assert.Single(changes, c => c.StatusCode == HttpStatusCode.NoContent);
        foreach (var refused in changes.Where(c => c.StatusCode != HttpStatusCode.NoContent))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await JsonAsync(refused)).GetProperty("errors").TryGetProperty("currentPassword", out _));
        }

        var winner = Array.FindIndex(changes, c => c.StatusCode == HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.OK, (await _factory.LoginAsync(_client, "judy@example.com", $"racing passphrase number {winner}")).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_ends_other_sessions_but_keeps_this_one()
    {
        var (access, current) = await RegisterAndLoginAsync("ivan@example.com");
        var other = (await JsonAsync(await _factory.LoginAsync(_client, "ivan@example.com"))).GetProperty("refreshToken").GetString();

        var change = await SendAsync(HttpMethod.Post, "/api/users/me/password", access,
            new { currentPassword = "violet tractor umbrella 42", newPassword = "another long passphrase 9" });

        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = other }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = current }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _factory.LoginAsync(_client, "ivan@example.com", "another long passphrase 9")).StatusCode);
    }

    [Fact]
    public async Task The_published_jwks_holds_the_key_that_signed_the_access_token()
    {
        var (access, _) = await RegisterAndLoginAsync("judy@example.com");
        var kid = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(access).Kid;

        var jwks = await JsonAsync(await _client.GetAsync(new Uri("/.well-known/jwks.json", UriKind.Relative), Ct));
        var discovery = await JsonAsync(await _client.GetAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative), Ct));

        Assert.Contains(kid, jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()));
        Assert.Equal("zodiacore-identity", discovery.GetProperty("issuer").GetString());
        Assert.Equal("RS256", discovery.GetProperty("id_token_signing_alg_values_supported")[0].GetString());
    }

    [Fact]
    public async Task A_service_client_gets_an_internal_token_only_with_its_secret()
    {
        var good = await _client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "charts", ["client_secret"] = IdentityApiFactory.ClientSecret,
        }), Ct);
        var bad = await _client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "charts", ["client_secret"] = "guess",
        }), Ct);

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken((await JsonAsync(good)).GetProperty("access_token").GetString());
        Assert.Equal("zodiacore-internal", token.Audiences.Single());
        Assert.Equal("service", token.GetClaim("role").Value);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        // A service token is no user: it cannot use the users API.
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Get, "/api/users/me", token.EncodedToken)).StatusCode);
    }

    [Fact]
    public async Task Deleting_the_account_removes_it_and_its_sessions()
    {
        var (access, refresh) = await RegisterAndLoginAsync("mallory@example.com");

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, "/api/users/me", access)).StatusCode);

        // The access token issued before the deletion is revoked with it, not merely pointing at nothing.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "/api/users/me", access)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.LoginAsync(_client, "mallory@example.com")).StatusCode);
    }
}
