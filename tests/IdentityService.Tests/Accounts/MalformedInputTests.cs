using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZodiaCore.IdentityService.Tests.Api;
using ZodiaCore.Tests.Shared;

namespace ZodiaCore.IdentityService.Tests.Accounts;

/// <summary>
/// Every field of the account, login, token, profile, password and role requests set to values of the wrong kind, out
/// of range or absurd, as a client would send by mistake: each answer is a 2xx or a 4xx problem that says what is
/// wrong, never a server error.
/// </summary>
public sealed class MalformedInputTests(IdentityApiFactory factory) : IClassFixture<IdentityApiFactory>
{
    private const string Password = "violet tractor umbrella 42";

    private const string Profile = """
        {
          "displayName": "Test User",
          "birth": { "date": "1990-05-15", "time": "14:30", "timeZone": "Europe/London", "timeUnknown": false },
          "location": { "latitude": 51.5074, "longitude": -0.1278, "altitude": 10, "name": "London" }
        }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> AnonymousFields => new()
    {
        { "/api/auth/register", "email" }, { "/api/auth/register", "password" }, { "/api/auth/register", "displayName" },
        { "/api/auth/register", "roles" },
        { "/api/auth/login", "email" }, { "/api/auth/login", "password" },
        { "/api/auth/refresh", "refreshToken" },
        { "/api/auth/logout", "refreshToken" },
    };

    public static TheoryData<string> ProfileFields =>
    [
        "displayName", "birth", "birth.date", "birth.time", "birth.timeZone", "birth.utcOffset", "birth.utc", "birth.disambiguation",
        "birth.timeUnknown", "location", "location.latitude", "location.longitude", "location.altitude", "location.name", "email",
    ];

    [Theory]
    [MemberData(nameof(AnonymousFields))]
    public async Task Any_odd_value_of_an_account_or_token_request_field_is_answered_or_refused_never_a_server_error(string endpoint, string field)
    {
        using var client = factory.CreateClient();
        foreach (var value in OddJson.Values)
        {
            // A new address each time, so a value that is accepted reaches the store rather than the duplicate check.
            var body = JsonSerializer.Serialize(new { email = $"odd-{Guid.NewGuid():N}@example.com", password = Password, displayName = "Odd", refreshToken = "x" });

            using var response = await client.PostAsync(endpoint, Json(OddJson.With(body, field, value)), Ct);

            await OddJson.AssertAnsweredOrRefusedAsync(response, $"{endpoint} with {field} = {OddJson.Describe(value)}");
        }
    }

    [Theory]
    [MemberData(nameof(ProfileFields))]
    public async Task Any_odd_value_of_a_profile_field_is_answered_or_refused_never_a_server_error(string field)
    {
        using var client = factory.CreateClient();
        var token = await NewAccountTokenAsync(client);
        using (var untouched = await SendAsync(client, HttpMethod.Patch, "/api/users/me", token, Profile))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, untouched.StatusCode);
        }

        foreach (var value in OddJson.Values)
        {
            using var response = await SendAsync(client, HttpMethod.Patch, "/api/users/me", token, OddJson.With(Profile, field, value));

            await OddJson.AssertAnsweredOrRefusedAsync(response, $"PATCH /api/users/me with {field} = {OddJson.Describe(value)}");
        }
    }

    [Theory]
    [InlineData("currentPassword")]
    [InlineData("newPassword")]
    public async Task Any_odd_value_of_a_password_change_field_is_answered_or_refused_never_a_server_error(string field)
    {
        using var client = factory.CreateClient();
        var current = Password;
        var token = await NewAccountTokenAsync(client);
        foreach (var value in OddJson.Values)
        {
            var body = JsonSerializer.Serialize(new { currentPassword = current, newPassword = "a different passphrase 77" });

            using var response = await SendAsync(client, HttpMethod.Post, "/api/users/me/password", token, OddJson.With(body, field, value));

            await OddJson.AssertAnsweredOrRefusedAsync(response, $"POST /api/users/me/password with {field} = {OddJson.Describe(value)}");
            if (response.IsSuccessStatusCode)
            {
                // The change went through: what was sent as new is the password from now on.
                current = field == "newPassword" ? value!.GetValue<string>() : "a different passphrase 77";
            }
        }
    }

    [Fact]
    public async Task Any_odd_value_of_the_roles_an_admin_sets_is_answered_or_refused_never_a_server_error()
    {
        using var client = factory.CreateClient();
        await NewAccountTokenAsync(client);
        var admin = await factory.AccessTokenAsync(client, IdentityApiFactory.AdminEmail, IdentityApiFactory.AdminPassword);
        using var list = await SendAsync(client, HttpMethod.Get, "/api/admin/users?pageSize=1", admin, null);
        var id = JsonNode.Parse(await list.Content.ReadAsStringAsync(Ct))!["items"]![0]!["id"]!.GetValue<string>();
        foreach (var value in OddJson.Values.Append(new JsonArray("user", "root")).Append(new JsonArray("user", null)))
        {
            using var response = await SendAsync(client, HttpMethod.Patch, $"/api/admin/users/{id}/roles", admin, OddJson.With("""{ "roles": ["user"] }""", "roles", value));

            await OddJson.AssertAnsweredOrRefusedAsync(response, $"PATCH roles = {OddJson.Describe(value)}");
        }
    }

    [Fact]
    public async Task Odd_ids_and_search_values_on_the_admin_endpoints_are_answered_or_refused_never_a_server_error()
    {
        using var client = factory.CreateClient();
        var admin = await factory.AccessTokenAsync(client, IdentityApiFactory.AdminEmail, IdentityApiFactory.AdminPassword);
        string[] ids = ["x", new string('a', 2000), "%20", "..%2F..%2Fetc", string.Concat(Enumerable.Repeat("%C3%A9", 50)), Guid.NewGuid().ToString("N")];
        foreach (var id in ids)
        {
            foreach (var (method, path, body) in new[]
            {
                (HttpMethod.Patch, $"/api/admin/users/{id}/roles", """{ "roles": ["user"] }"""),
                (HttpMethod.Post, $"/api/admin/users/{id}/lock", (string?)null),
                (HttpMethod.Post, $"/api/admin/users/{id}/unlock", null),
            })
            {
                using var response = await SendAsync(client, method, path, admin, body);

                await OddJson.AssertAnsweredOrRefusedAsync(response, $"{method} {path[..Math.Min(path.Length, 60)]}");
            }
        }

        foreach (var email in new[] { "x", "%00", "a@b", new string('a', 3000) + "@example.com", "%3Cscript%3E@example.com", "a@example.com&email=b@example.com" })
        {
            using var response = await SendAsync(client, HttpMethod.Get, $"/api/admin/users?email={email}", admin, null);

            await OddJson.AssertAnsweredOrRefusedAsync(response, $"GET /api/admin/users?email={email[..Math.Min(email.Length, 40)]}");
        }
    }

    private async Task<string> NewAccountTokenAsync(HttpClient client)
    {
        var email = $"odd-{Guid.NewGuid():N}@example.com";
        using var registered = await factory.RegisterAsync(client, email, Password);
        registered.EnsureSuccessStatusCode();
        return await factory.AccessTokenAsync(client, email, Password);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string token, string? json)
    {
        using var request = new HttpRequestMessage(method, url) { Content = json is null ? null : Json(json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request, Ct);
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
