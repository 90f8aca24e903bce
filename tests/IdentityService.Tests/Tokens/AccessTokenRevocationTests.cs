using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using ZodiaCore.IdentityService.Tests.Api;

namespace ZodiaCore.IdentityService.Tests.Tokens;

/// <summary>
/// An access token stops working as soon as what it stands for ends: the account locked or deleted, a role it carries
/// removed, its session logged out or stolen, other sessions after a password change. Tokens issued after that work.
/// </summary>
public sealed class AccessTokenRevocationTests : IAsyncLifetime
{
    private const string Email = "sam@example.com";
    private const string Password = "violet tractor umbrella 42";

    private readonly IdentityApiFactory _factory = new();
    private HttpClient _client = null!;
    private string _adminAccess = "";
    private string _userId = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await _factory.RegisterAsync(_client, Email)).StatusCode);
        _adminAccess = await _factory.AccessTokenAsync(_client, IdentityApiFactory.AdminEmail, IdentityApiFactory.AdminPassword);
        var (access, _) = await LoginAsync();
        _userId = new JsonWebToken(access).Subject;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task<(string Access, string Refresh)> LoginAsync(string password = Password)
    {
        using var login = await _factory.LoginAsync(_client, Email, password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var body = await login.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }

    private async Task<HttpStatusCode> MeAsync(string access)
    {
        using var me = await IdentityApiFactory.SendAsync(_client, HttpMethod.Get, "/api/users/me", access);
        return me.StatusCode;
    }

    private async Task<HttpStatusCode> AdminAsync(HttpMethod method, string url, object? body = null)
    {
        using var response = await IdentityApiFactory.SendAsync(_client, method, url, _adminAccess, body);
        return response.StatusCode;
    }

    [Fact]
    public async Task Locking_an_account_ends_its_access_tokens_at_once_and_unlocking_does_not_bring_them_back()
    {
        var (access, _) = await LoginAsync();
        Assert.Equal(HttpStatusCode.OK, await MeAsync(access));

        Assert.Equal(HttpStatusCode.OK, await AdminAsync(HttpMethod.Post, $"/api/admin/users/{_userId}/lock"));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(access));

        Assert.Equal(HttpStatusCode.OK, await AdminAsync(HttpMethod.Post, $"/api/admin/users/{_userId}/unlock"));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(access));
        var (fresh, _) = await LoginAsync();
        Assert.Equal(HttpStatusCode.OK, await MeAsync(fresh));
    }

    [Fact]
    public async Task Removing_a_role_ends_the_tokens_that_carry_it_and_a_refreshed_token_has_the_new_roles()
    {
        Assert.Equal(HttpStatusCode.OK, await AdminAsync(HttpMethod.Patch, $"/api/admin/users/{_userId}/roles", new { roles = new[] { "user", "admin" } }));
        var (promoted, refresh) = await LoginAsync();
        using (var asAdmin = await IdentityApiFactory.SendAsync(_client, HttpMethod.Get, "/api/admin/users", promoted))
        {
            Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, await AdminAsync(HttpMethod.Patch, $"/api/admin/users/{_userId}/roles", new { roles = new[] { "user" } }));

        using (var stillAdmin = await IdentityApiFactory.SendAsync(_client, HttpMethod.Get, "/api/admin/users", promoted))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, stillAdmin.StatusCode);
        }

        // Refreshed in the same second as the change: the new token must not be caught by it.
        using var refreshed = await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh }, Ct);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var access = (await refreshed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accessToken").GetString()!;
        Assert.Equal(HttpStatusCode.OK, await MeAsync(access));
        Assert.DoesNotContain(new JsonWebToken(access).Claims, c => c.Type == "role" && c.Value == "admin");
    }

    [Fact]
    public async Task Adding_a_role_leaves_existing_tokens_working()
    {
        var (access, _) = await LoginAsync();

        Assert.Equal(HttpStatusCode.OK, await AdminAsync(HttpMethod.Patch, $"/api/admin/users/{_userId}/roles", new { roles = new[] { "user", "admin" } }));

        Assert.Equal(HttpStatusCode.OK, await MeAsync(access));
    }

    [Fact]
    public async Task Logging_out_ends_that_sessions_access_token_and_no_other()
    {
        var (first, firstRefresh) = await LoginAsync();
        var (second, _) = await LoginAsync();

        using (var logout = await _client.PostAsJsonAsync("/api/auth/logout", new { refreshToken = firstRefresh }, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(first));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(second));
    }

    [Fact]
    public async Task Changing_the_password_ends_other_sessions_access_tokens_and_keeps_this_ones()
    {
        var (current, _) = await LoginAsync();
        var (other, _) = await LoginAsync();

        using (var change = await IdentityApiFactory.SendAsync(_client, HttpMethod.Post, "/api/users/me/password", current,
            new { currentPassword = Password, newPassword = "another long passphrase 9" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(other));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(current));
        // A new login in the same second as the change is a new session, not one the change ended.
        var (afterwards, _) = await LoginAsync("another long passphrase 9");
        Assert.Equal(HttpStatusCode.OK, await MeAsync(afterwards));
    }

    [Fact]
    public async Task Reusing_a_refresh_token_ends_the_access_tokens_of_its_session()
    {
        var (access, refresh) = await LoginAsync();
        using (var first = await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var reuse = await _client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh }, Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, reuse.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(access));
    }
}
