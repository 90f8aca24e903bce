using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ZodiaCore.IntegrationTests;

/// <summary>The foundation seen from outside: health, correlation ids, metrics, routing and error shapes.</summary>
[Collection(DistributedCollection.Name)]
public sealed class FoundationTests(DistributedAppFixture fixture)
{
    private static readonly TimeSpan LogWait = TimeSpan.FromSeconds(20);
    private ZodiaCoreApp App => fixture.App;

    [Fact]
    public async Task Every_resource_becomes_healthy()
    {
        string[] resources = ["redis", .. ZodiaCoreApp.Services];
        await App.WaitHealthyAsync(resources, TimeSpan.FromSeconds(30));

        foreach (var resource in resources)
        {
            Assert.True(App.Notifications.TryGetCurrentState(resource, out var state), $"{resource} is not in the model");
            Assert.Equal(HealthStatus.Healthy, state.Snapshot.HealthStatus);
        }
    }

    [Fact]
    public async Task Gateway_health_names_every_downstream_service_and_its_status()
    {
        using var client = App.CreateGatewayClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        Assert.Equal("healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("gateway", json.RootElement.GetProperty("service").GetString());
        var dependencies = json.RootElement.GetProperty("dependencies");
        foreach (var service in new[] { "identity", "charts", "interpretation" })
        {
            Assert.Equal("healthy", dependencies.GetProperty(service).GetProperty("status").GetString());
        }

        Assert.True(dependencies.GetProperty("cache").TryGetProperty("latencyMs", out _));
        Assert.True(json.RootElement.GetProperty("system").GetProperty("memory").GetProperty("total").GetInt64() > 0);
    }

    [Theory]
    [InlineData("identity")]
    [InlineData("charts")]
    [InlineData("interpretation")]
    public async Task Each_service_answers_through_the_gateway_with_a_correlation_id(string service)
    {
        using var client = App.CreateGatewayClient();

        using var response = await client.GetAsync(new Uri($"/openapi/{service}/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var correlationId = Assert.Single(response.Headers.GetValues("X-Correlation-ID"));
        Assert.Matches("^[0-9a-f]{32}$", correlationId); // without a client id, the trace id is the correlation id
        using var json = await ReadJsonAsync(response);
        Assert.Equal($"ZodiaCore {service} API", json.RootElement.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_client_correlation_id_is_echoed_and_logged_by_the_gateway_and_the_downstream_service()
    {
        using var client = App.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/charts/v1.json");
        request.Headers.Add("X-Correlation-ID", "abc-123");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("abc-123", Assert.Single(response.Headers.GetValues("X-Correlation-ID")));
        foreach (var service in new[] { "gateway", "charts" })
        {
            var line = await FindLogLineAsync(service, "\"CorrelationId\":\"abc-123\"");
            Assert.NotNull(line);
            using var json = JsonDocument.Parse(line);
            Assert.Equal(service, json.RootElement.GetProperty("Service").GetString());
            Assert.True(json.RootElement.TryGetProperty("@tr", out _), "the log event carries the trace id");
        }
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("<script>")]
    [InlineData("a-very-long-id-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task A_malformed_correlation_id_is_replaced_and_never_echoed(string malformed)
    {
        using var client = App.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/charts/v1.json");
        request.Headers.TryAddWithoutValidation("X-Correlation-ID", malformed);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        var echoed = Assert.Single(response.Headers.GetValues("X-Correlation-ID"));
        Assert.NotEqual(malformed, echoed);
        Assert.Matches("^[0-9a-f]{32}$", echoed);
    }

    [Theory]
    [InlineData("gateway")]
    [InlineData("identity")]
    [InlineData("charts")]
    [InlineData("interpretation")]
    public async Task Each_service_exposes_request_duration_metrics_for_prometheus(string service)
    {
        using var client = App.CreateServiceClient(service);
        // One ordinary request first, so the histogram has a series.
        (await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken)).Dispose();

        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("http_server_request_duration_seconds_bucket", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_route_answers_404_problem_details()
    {
        using var client = App.CreateGatewayClient();

        using var response = await client.GetAsync(new Uri("/api/does-not-exist", UriKind.Relative), TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Internal_service_endpoints_are_never_routed_by_the_gateway()
    {
        using var client = App.CreateGatewayClient();

        using var response = await client.DeleteAsync(new Uri("/internal/users/someone", UriKind.Relative), TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_oversized_body_answers_413_problem_details()
    {
        using var client = App.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/charts/natal")
        {
            Content = new ByteArrayContent(new byte[(1024 * 1024) + 1]) { Headers = { ContentType = new("application/json") } },
        };
        // As a well-behaved client uploading a large body does: the gateway refuses before the body is sent.
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Gateway_responses_carry_security_headers_and_no_server_banner()
    {
        using var client = App.CreateGatewayClient();

        using var response = await client.GetAsync(new Uri("/openapi/charts/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Prometheus_scrapes_every_service_and_sees_each_one_up()
    {
        using var prometheus = await App.ConnectPrometheusAsync();

        var up = new Dictionary<string, double>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline && !(up.Count == 4 && up.Values.All(v => v == 1)))
        {
            up = (await prometheus.SamplesAsync("up")).ToDictionary(s => s.Label("job")!, s => s.Value);
            await Task.Delay(1000, TestContext.Current.CancellationToken);
        }

        foreach (var job in ZodiaCoreApp.Services)
        {
            Assert.True(up.TryGetValue(job, out var value), $"no scrape target for job {job}");
            Assert.Equal(1, value);
        }
    }

    private async Task<string?> FindLogLineAsync(string service, string fragment)
    {
        var path = Path.Combine(App.DataDirectory, "logs", service, "combined.log");
        var deadline = DateTime.UtcNow + LogWait;
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(path))
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);
                while (await reader.ReadLineAsync() is { } line)
                {
                    if (line.Contains(fragment, StringComparison.Ordinal))
                    {
                        return line;
                    }
                }
            }

            await Task.Delay(250);
        }

        return null;
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = await ReadJsonAsync(response);
        Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("correlationId").GetString()));
    }

    // Read as text: the buffered body can be read again by a later assertion.
    internal static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync());
}
