using System.Net.Http.Headers;
using System.Text;
using ZodiaCore.Tests.Shared;

namespace ZodiaCore.IntegrationTests;

/// <summary>
/// What an API consumer gets for a malformed request, through the gateway's own layers (size limit, authentication,
/// routing, proxying) and each service's: a 4xx problem that says what is wrong (a 400 names a field), never a server
/// error and never a body of another kind. The services sweep their fields one by one in their own suites; this one
/// sends every public endpoint the requests no field-by-field sweep makes.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class BadInputThroughGatewayTests(DistributedAppFixture fixture)
{
    /// <summary>Every public endpoint that reads a JSON body, and whether it needs a user's token.</summary>
    private static readonly (HttpMethod Method, string Path, bool User)[] BodyEndpoints =
    [
        (HttpMethod.Post, "/api/charts/natal", false), (HttpMethod.Post, "/api/charts/natal/svg", false),
        (HttpMethod.Post, "/api/charts/transits", false), (HttpMethod.Post, "/api/charts/synastry", false),
        (HttpMethod.Post, "/api/charts", true), (HttpMethod.Post, "/api/interpretations", true),
        (HttpMethod.Post, "/api/auth/register", false), (HttpMethod.Post, "/api/auth/login", false),
        (HttpMethod.Post, "/api/auth/refresh", false), (HttpMethod.Post, "/api/auth/logout", false),
        (HttpMethod.Patch, "/api/users/me", true), (HttpMethod.Post, "/api/users/me/password", true),
    ];

    private static readonly (string Name, byte[] Bytes)[] MalformedBodies =
    [
        ("an empty body", []),
        ("an unfinished object", "{"u8.ToArray()),
        ("an array", "[]"u8.ToArray()),
        ("null", "null"u8.ToArray()),
        ("a string", "\"x\""u8.ToArray()),
        ("a property without a value", "{\"a\":"u8.ToArray()),
        ("bytes that are not UTF-8", [0xff, 0xfe, 0x00, 0x7b]),
        ("two objects", "{} {}"u8.ToArray()),
        ("a trailing comma", "{\"name\":\"x\",}"u8.ToArray()),
        ("a comment", "/* hi */ {}"u8.ToArray()),
        ("arrays nested 2,000 deep", Encoding.ASCII.GetBytes(new string('[', 2000) + new string(']', 2000))),
        ("objects nested 200 deep", Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200))),
    ];

    private ZodiaCoreApp App => fixture.App;

    [Fact]
    public async Task A_malformed_json_body_on_any_endpoint_gets_a_4xx_problem_naming_what_is_wrong()
    {
        using var gateway = App.CreateGatewayClient();
        var account = await IdentityClient.RegisterAndLoginAsync(gateway);
        foreach (var (method, path, user) in BodyEndpoints)
        {
            foreach (var (name, bytes) in MalformedBodies)
            {
                using var response = await SendAsync(gateway, method, path, user ? account.AccessToken : null, bytes, "application/json");

                await AssertRefusedByTheEndpointAsync(response, $"{method} {path} with {name}");
            }

            using var plainText = await SendAsync(gateway, method, path, user ? account.AccessToken : null, "{}"u8.ToArray(), "text/plain");
            await AssertRefusedByTheEndpointAsync(plainText, $"{method} {path} with a text/plain body");
        }
    }

    [Fact]
    public async Task A_body_over_the_gateways_limit_is_a_413_problem_before_it_is_forwarded()
    {
        using var gateway = App.CreateGatewayClient();
        var body = Encoding.ASCII.GetBytes("{\"name\":\"" + new string('a', 2 * 1024 * 1024) + "\"}");

        using var response = await SendAsync(gateway, HttpMethod.Post, "/api/charts/natal", null, body, "application/json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await OddJson.AssertRefusedAsync(response, "a 2 MB natal request");
    }

    [Fact]
    public async Task Odd_ids_paging_values_paths_and_methods_get_a_4xx_problem()
    {
        using var gateway = App.CreateGatewayClient();
        var account = await IdentityClient.RegisterAndLoginAsync(gateway);
        var requests = new List<(HttpMethod Method, string Path)>();
        foreach (var list in new[] { "/api/charts", "/api/interpretations", "/api/admin/users" })
        {
            foreach (var query in new[] { "page=0", "page=-1", "page=x", "pageSize=0", "pageSize=1000", "page=99999999999", "pageSize=1.5" })
            {
                requests.Add((HttpMethod.Get, $"{list}?{query}"));
            }
        }

        foreach (var id in new[] { "x", new string('a', 2000), "%20", "..%2F..%2Fetc", string.Concat(Enumerable.Repeat("%C3%A9", 50)) })
        {
            foreach (var resource in new[] { "/api/charts/{0}", "/api/charts/{0}/svg", "/api/interpretations/{0}" })
            {
                requests.Add((HttpMethod.Get, string.Format(System.Globalization.CultureInfo.InvariantCulture, resource, id)));
            }

            requests.Add((HttpMethod.Delete, $"/api/charts/{id}"));
            requests.Add((HttpMethod.Delete, $"/api/interpretations/{id}"));
        }

        requests.Add((HttpMethod.Get, "/api/nothing-here"));
        requests.Add((HttpMethod.Put, "/api/charts/natal"));
        requests.Add((HttpMethod.Delete, "/api/users/me/password"));

        foreach (var (method, path) in requests)
        {
            using var response = await SendAsync(gateway, method, path, account.AccessToken, null, null);

            await AssertRefusedByTheEndpointAsync(response, $"{method} {(path.Length > 80 ? path[..80] + "…" : path)}");
        }
    }

    [Fact]
    public async Task An_odd_authorization_header_on_a_user_endpoint_gets_a_401_problem()
    {
        using var gateway = App.CreateGatewayClient();
        var account = await IdentityClient.RegisterAndLoginAsync(gateway);
        string[] headers = ["Bearer", "Bearer ", "Basic eDp5", "Bearer a.b.c", "Bearer " + new string('a', 9000), "Bearer " + account.AccessToken[..^4] + "AAAA", "bearer"];
        foreach (var header in headers)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/users/me");
            request.Headers.TryAddWithoutValidation("Authorization", header);

            using var response = await gateway.SendAsync(request, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            await OddJson.AssertRefusedAsync(response, $"Authorization: {header[..Math.Min(header.Length, 30)]}");
        }
    }

    /// <summary>Refused for what was sent, not by a rate limit this suite's volume could reach.</summary>
    private static async Task AssertRefusedByTheEndpointAsync(HttpResponseMessage response, string what)
    {
        Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
        await OddJson.AssertRefusedAsync(response, what);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient gateway, HttpMethod method, string path, string? token, byte[]? body, string? contentType)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType!);
        }

        return await gateway.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
