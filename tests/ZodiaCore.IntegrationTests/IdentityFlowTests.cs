using System.Net.Http.Json;

namespace ZodiaCore.IntegrationTests;

/// <summary>Accounts and tokens as API consumers use them, through the gateway.</summary>
[Collection(DistributedCollection.Name)]
public sealed class IdentityFlowTests(DistributedAppFixture fixture)
{
    private ZodiaCoreApp App => fixture.App;

    [Fact]
    public async Task Register_login_me_refresh_and_logout_work_through_the_gateway()
    {
        using var gateway = App.CreateGatewayClient();
        var account = await IdentityClient.RegisterAndLoginAsync(gateway);

        using (var me = await IdentityClient.SendAsync(gateway, HttpMethod.Get, "/api/users/me", account.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            using var json = await IdentityClient.ReadAsync(me);
            Assert.Equal(account.Email, json.RootElement.GetProperty("email").GetString());
        }

        using var refreshed = await gateway.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = account.RefreshToken }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        using var tokens = await IdentityClient.ReadAsync(refreshed);
        Assert.Equal("Bearer", tokens.RootElement.GetProperty("tokenType").GetString());
        Assert.Equal(900, tokens.RootElement.GetProperty("expiresIn").GetInt32());
        var newRefresh = tokens.RootElement.GetProperty("refreshToken").GetString()!;
        Assert.NotEqual(account.RefreshToken, newRefresh);

        using var logout = await gateway.PostAsJsonAsync("/api/auth/logout", new { refreshToken = newRefresh }, TestContext.Current.CancellationToken);
        Assert.True(logout.IsSuccessStatusCode, $"logout answered {logout.StatusCode}");
        using var afterLogout = await gateway.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = newRefresh }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, afterLogout.StatusCode);
    }

    [Fact]
    public async Task A_logged_out_sessions_access_token_is_refused_by_the_other_services_within_moments()
    {
        using var gateway = App.CreateGatewayClient();
        var account = await IdentityClient.RegisterAndLoginAsync(gateway);
        var other = await IdentityClient.LoginAsync(gateway, account.Email, account.Password);
        using (var before = await IdentityClient.SendAsync(gateway, HttpMethod.Get, "/api/charts", account.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using (var logout = await gateway.PostAsJsonAsync("/api/auth/logout", new { refreshToken = account.RefreshToken }, TestContext.Current.CancellationToken))
        {
            Assert.True(logout.IsSuccessStatusCode, $"logout answered {logout.StatusCode}");
        }

        // IdentityService shares the revocation through Redis; the gateway and ChartService apply it when it arrives.
        var refused = HttpStatusCode.OK;
        for (var deadline = DateTime.UtcNow.AddSeconds(10); refused != HttpStatusCode.Unauthorized && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            using var after = await IdentityClient.SendAsync(gateway, HttpMethod.Get, "/api/charts", account.AccessToken);
            refused = after.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, refused);
        using var otherSession = await IdentityClient.SendAsync(gateway, HttpMethod.Get, "/api/charts", other.AccessToken);
        Assert.Equal(HttpStatusCode.OK, otherSession.StatusCode);
    }

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_revokes_the_whole_token_family()
    {
        using var gateway = App.CreateGatewayClient();
        var account = await IdentityClient.RegisterAndLoginAsync(gateway);
        using var first = await gateway.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = account.RefreshToken }, TestContext.Current.CancellationToken);
        using var firstJson = await IdentityClient.ReadAsync(first);
        var current = firstJson.RootElement.GetProperty("refreshToken").GetString()!;

        using var reuse = await gateway.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = account.RefreshToken }, TestContext.Current.CancellationToken);
        using var currentAfterReuse = await gateway.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = current }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, reuse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, currentAfterReuse.StatusCode);
    }

    [Fact]
    public async Task Setting_roles_on_registration_is_refused_400_naming_the_field()
    {
        using var gateway = App.CreateGatewayClient();

        using var response = await gateway.PostAsJsonAsync("/api/auth/register",
            new { email = $"x-{Guid.NewGuid():N}@example.com", password = "Correct-Horse-Battery-9", displayName = "X", roles = new[] { "admin" } },
            TestContext.Current.CancellationToken);

        await FoundationTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        using var json = await IdentityClient.ReadAsync(response);
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("roles", out _));
    }

    [Fact]
    public async Task A_user_without_the_admin_role_gets_403_on_admin_routes_and_an_anonymous_caller_401()
    {
        using var gateway = App.CreateGatewayClient();
        var account = await IdentityClient.RegisterAndLoginAsync(gateway);

        using var asUser = await IdentityClient.SendAsync(gateway, HttpMethod.Get, "/api/admin/users", account.AccessToken);
        using var anonymous = await IdentityClient.SendAsync(gateway, HttpMethod.Get, "/api/admin/users", null);

        await FoundationTests.AssertProblemAsync(asUser, HttpStatusCode.Forbidden);
        await FoundationTests.AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Deleting_the_account_ends_logins_and_sessions_at_once()
    {
        using var gateway = App.CreateGatewayClient();
        var account = await IdentityClient.RegisterAndLoginAsync(gateway);

        using var deleted = await IdentityClient.SendAsync(gateway, HttpMethod.Delete, "/api/users/me", account.AccessToken);
        using var login = await gateway.PostAsJsonAsync("/api/auth/login", new { email = account.Email, password = account.Password }, TestContext.Current.CancellationToken);
        using var refresh = await gateway.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = account.RefreshToken }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task Raw_stores_and_log_files_hold_no_email_password_or_token()
    {
        using var gateway = App.CreateGatewayClient();
        var account = await IdentityClient.RegisterAndLoginAsync(gateway, password: $"Secret-{Guid.NewGuid():N}");
        (await IdentityClient.SendAsync(gateway, HttpMethod.Get, "/api/users/me", account.AccessToken)).Dispose();
        (await gateway.PostAsJsonAsync("/api/auth/login", new { email = account.Email, password = "wrong-password-1" }, TestContext.Current.CancellationToken)).Dispose();
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken); // let file sinks and stores flush

        string[] secrets = [account.Email, account.Password, account.AccessToken, account.RefreshToken, "wrong-password-1"];
        foreach (var file in Directory.EnumerateFiles(App.DataDirectory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".log", StringComparison.Ordinal) || f.EndsWith(".db", StringComparison.Ordinal)))
        {
            var text = await ReadSharedAsync(file);
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{Path.GetFileName(file)} contains a secret");
            }
        }
    }

    private static async Task<string> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, System.Text.Encoding.Latin1);
        return await reader.ReadToEndAsync();
    }
}
