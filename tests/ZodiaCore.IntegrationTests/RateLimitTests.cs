namespace ZodiaCore.IntegrationTests;

/// <summary>Login limits shared by two gateway replicas through Redis. Own AppHost: it spends limits.</summary>
[Collection(DistributedCollection.Name)]
public sealed class RateLimitTests : IAsyncLifetime
{
    private ZodiaCoreApp? app;

    public async ValueTask InitializeAsync()
    {
        app = await ZodiaCoreApp.StartAsync(
            builder => ZodiaCoreApp.ConfigureGateways(builder, "RateLimiting__TrustedProxies__0", "127.0.0.1"),
            ["ZodiaCore:GatewayReplicas=2"]);
        await app.WaitHealthyAsync([.. ZodiaCoreApp.Services, "gateway-2"]);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_eleventh_login_in_the_window_is_rejected_429_even_when_spread_over_two_gateway_replicas()
    {
        using var first = app!.CreateGatewayClient();
        using var second = app.App.CreateHttpClient("gateway-2", "http");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await LoginAsync(i % 2 == 0 ? first : second);
            statuses.Add(response.StatusCode);
        }

        using var eleventh = await LoginAsync(second);

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
        await FoundationTests.AssertProblemAsync(eleventh, HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(Assert.Single(eleventh.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 900);
        Assert.Equal("10;w=900", Assert.Single(eleventh.Headers.GetValues("RateLimit-Policy")));
        Assert.StartsWith("limit=10, remaining=0", Assert.Single(eleventh.Headers.GetValues("RateLimit")), StringComparison.Ordinal);

        using var metricsClient = app.CreateServiceClient("gateway-2");
        var metrics = await metricsClient.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("zodiacore_rate_limit_rejections_total", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_client_address_behind_a_trusted_proxy_has_its_own_login_limit()
    {
        using var client = app!.CreateGatewayClient();
        for (var i = 0; i < 10; i++)
        {
            (await LoginAsync(client, "198.51.100.7")).Dispose();
        }

        using var limited = await LoginAsync(client, "198.51.100.7");
        using var other = await LoginAsync(client, "198.51.100.8");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    private static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string forwardedFor = "203.0.113.10")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = new StringContent("""{"email":"nobody@example.com","password":"not-the-password"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
