using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using System.Diagnostics.Metrics;
using ZodiaCore.Gateway.RateLimiting;
using ZodiaCore.Tests.Shared;

namespace ZodiaCore.Gateway.Tests.Caching;

/// <summary>The gateway's cache of natal answers, against a stand-in ChartService on real HTTP.</summary>
public sealed class ResponseCacheTests : IAsyncLifetime
{
    private const string Birth = """{"birth":{"date":"1990-05-15","time":"14:30:00","timeZone":"Europe/London"},"location":{"latitude":51.5,"longitude":-0.13}}""";
    private const string OtherBirth = """{"birth":{"date":"1984-02-01","time":"06:10:00","timeZone":"Europe/Paris"},"location":{"latitude":48.9,"longitude":2.35}}""";
    private FakeChartService charts = null!;

    public async ValueTask InitializeAsync() => charts = await FakeChartService.StartAsync();

    public async ValueTask DisposeAsync() => await charts.DisposeAsync();

    [Fact]
    public async Task A_repeated_natal_request_is_answered_by_the_gateway_without_reaching_ChartService()
    {
        await using var gateway = KeepingFirstAnswers();
        using var client = gateway.CreateClient();

        using var first = await PostAsync(client, "/api/charts/natal", Birth);
        using var second = await PostAsync(client, "/api/charts/natal", Birth);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));
        Assert.Equal("application/json", second.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(second.Headers.Age);
        Assert.Null(first.Headers.Age);
        Assert.Equal(1, charts.Received);
    }

    [Fact]
    public async Task Different_bodies_and_the_wheel_are_cached_apart()
    {
        await using var gateway = KeepingFirstAnswers();
        using var client = gateway.CreateClient();

        var natal = await SequenceAsync(client, "/api/charts/natal", Birth);
        var other = await SequenceAsync(client, "/api/charts/natal", OtherBirth);
        var wheel = await SequenceAsync(client, "/api/charts/natal/svg", Birth);

        Assert.Equal([1, 2, 3], new[] { natal, other, wheel }.Order());
        Assert.Equal(natal, await SequenceAsync(client, "/api/charts/natal", Birth));
        Assert.Equal(other, await SequenceAsync(client, "/api/charts/natal", OtherBirth));
        Assert.Equal(wheel, await SequenceAsync(client, "/api/charts/natal/svg", Birth));
        Assert.Equal(3, charts.Received);
    }

    [Fact]
    public async Task An_error_answer_is_not_kept()
    {
        await using var gateway = KeepingFirstAnswers();
        using var client = gateway.CreateClient();
        const string invalid = """{"birth":{"date":"invalid"}}""";

        using var first = await PostAsync(client, "/api/charts/natal", invalid);
        using var second = await PostAsync(client, "/api/charts/natal", invalid);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal(2, charts.Received);
    }

    [Fact]
    public async Task An_answer_ChartService_marks_no_store_is_not_kept()
    {
        await using var gateway = KeepingFirstAnswers();
        using var client = gateway.CreateClient();
        const string fallback = """{"birth":{"date":"1990-05-15","note":"fallback"}}""";

        var first = await SequenceAsync(client, "/api/charts/natal", fallback);
        var second = await SequenceAsync(client, "/api/charts/natal", fallback);

        Assert.Equal([1, 2], new[] { first, second });
    }

    [Fact]
    public async Task Routes_whose_answer_changes_with_time_are_always_forwarded()
    {
        await using var gateway = KeepingFirstAnswers();
        using var client = gateway.CreateClient();

        var first = await SequenceAsync(client, "/api/charts/transits", Birth);
        var second = await SequenceAsync(client, "/api/charts/transits", Birth);

        Assert.NotEqual(first, second);
        Assert.Equal(2, charts.Received);
    }

    [Fact]
    public async Task A_cached_answer_carries_this_requests_correlation_id_and_rate_limit_count()
    {
        // The remaining count comes with limits shared through Redis.
        using var redis = await RedisServerProcess.StartAsync(Ct);
        Assert.SkipWhen(redis is null, $"{RedisServerProcess.Executable} is not installed (apt-get install redis-server).");
        await using var gateway = KeepingFirstAnswers(("ConnectionStrings:redis", redis!.ConnectionString));
        using var client = gateway.CreateClient();

        using var first = await PostAsync(client, "/api/charts/natal", Birth, correlationId: "first-request-0001");
        using var second = await PostAsync(client, "/api/charts/natal", Birth, correlationId: "second-request-0002");

        Assert.NotNull(second.Headers.Age); // from the cache
        Assert.Equal("first-request-0001", Assert.Single(first.Headers.GetValues("X-Correlation-ID")));
        Assert.Equal("second-request-0002", Assert.Single(second.Headers.GetValues("X-Correlation-ID")));
        Assert.Equal(Remaining(first) - 1, Remaining(second));
        Assert.Equal("nosniff", Assert.Single(second.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task No_cache_from_the_client_fetches_a_fresh_answer_and_keeps_it()
    {
        await using var gateway = KeepingFirstAnswers();
        using var client = gateway.CreateClient();

        var cached = await SequenceAsync(client, "/api/charts/natal", Birth);
        var fresh = await SequenceAsync(client, "/api/charts/natal", Birth, cacheControl: "no-cache");
        var afterwards = await SequenceAsync(client, "/api/charts/natal", Birth);

        Assert.NotEqual(cached, fresh);
        Assert.Equal(fresh, afterwards);
        Assert.Equal(2, charts.Received);
    }

    [Fact]
    public async Task Concurrent_first_requests_for_one_body_reach_ChartService_once()
    {
        charts.Delay = TimeSpan.FromMilliseconds(300);
        await using var gateway = KeepingFirstAnswers();
        using var client = gateway.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => SequenceAsync(client, "/api/charts/natal", Birth)));

        Assert.All(answers, sequence => Assert.Equal(1, sequence));
        Assert.Equal(1, charts.Received);
    }

    [Fact]
    public async Task A_ttl_of_zero_turns_the_cache_off()
    {
        await using var gateway = KeepingFirstAnswers(("Gateway:ResponseCache:TtlSeconds", "0"));
        using var client = gateway.CreateClient();

        var first = await SequenceAsync(client, "/api/charts/natal", Birth);
        var second = await SequenceAsync(client, "/api/charts/natal", Birth);

        Assert.Equal([1, 2], new[] { first, second });
    }

    [Fact]
    public async Task A_body_sent_without_a_declared_length_is_cached_too()
    {
        await using var gateway = KeepingFirstAnswers();
        using var client = gateway.CreateClient();

        int Sequence(JsonDocument json) => json.RootElement.GetProperty("sequence").GetInt32();
        async Task<JsonDocument> ChunkedAsync()
        {
            using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Birth)));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/charts/natal") { Content = content };
            request.Headers.TransferEncodingChunked = true;
            using var response = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        }

        using var first = await ChunkedAsync();
        using var second = await ChunkedAsync();

        Assert.Equal("1990-05-15", first.RootElement.GetProperty("echo").GetProperty("birth").GetProperty("date").GetString());
        Assert.Equal(Sequence(first), Sequence(second));
        Assert.Equal(1, charts.Received);
    }

    [Fact]
    public async Task A_body_over_the_cache_limit_is_forwarded_whole_and_not_kept()
    {
        await using var gateway = KeepingFirstAnswers(("Gateway:ResponseCache:MaxRequestBodyBytes", "64"));
        using var client = gateway.CreateClient();

        using var first = await PostAsync(client, "/api/charts/natal", Birth);
        var echoed = JsonDocument.Parse(await first.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("echo");
        var second = await SequenceAsync(client, "/api/charts/natal", Birth);

        Assert.Equal("1990-05-15", echoed.GetProperty("birth").GetProperty("date").GetString());
        Assert.Equal(2, second);
    }

    [Fact]
    public async Task Hits_misses_and_bypasses_are_counted()
    {
        await using var gateway = new GatewayOverFakeCharts(charts.Address);
        using var collector = new MetricCollector<long>(gateway.Services.GetRequiredService<IMeterFactory>(),
            RateLimitMetrics.MeterName, "zodiacore.gateway.response_cache.requests");
        using var client = gateway.CreateClient();

        for (var i = 0; i < 4; i++)
        {
            await SequenceAsync(client, "/api/charts/natal", Birth); // forwarded, forwarded and kept, then two hits
        }

        await SequenceAsync(client, "/api/charts/natal", Birth, cacheControl: "no-store");

        long Count(string result) => collector.GetMeasurementSnapshot()
            .Where(m => Equals(m.Tags["result"], result)).Sum(m => m.Value);
        Assert.Equal(2, Count("hit"));
        Assert.Equal(2, Count("miss"));
        Assert.Equal(1, Count("bypass"));
    }

    [Fact]
    public async Task A_body_broken_off_by_the_client_is_left_to_the_proxy()
    {
        await using var gateway = new GatewayOverFakeCharts(charts.Address);
        gateway.UseKestrel(0);
        gateway.StartServer();
        using var collector = new MetricCollector<long>(gateway.Services.GetRequiredService<IMeterFactory>(),
            RateLimitMetrics.MeterName, "zodiacore.gateway.response_cache.requests");
        var address = new Uri(gateway.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

        // Headers announcing the whole body, 40 bytes of it, then the connection closes.
        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync(address.Host, address.Port, Ct);
            var stream = socket.GetStream();
            var head = $"POST /api/charts/natal HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(Birth)}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head + Birth[..40]), Ct);
            await stream.FlushAsync(Ct);
            // Until the gateway waits for the rest of the body (a first request on a new host takes a while).
            await Task.Delay(1500, Ct);
        }

        // Counted as forwarded without a look-up: the policy left the client's error to the proxy instead of failing.
        await WaitForAsync(() => collector.GetMeasurementSnapshot().Any(m => Equals(m.Tags["result"], "bypass")));
    }

    [Fact]
    public async Task By_default_an_answer_is_kept_once_its_body_was_asked_for_twice()
    {
        await using var gateway = new GatewayOverFakeCharts(charts.Address);
        using var client = gateway.CreateClient();

        var once = await SequenceAsync(client, "/api/charts/natal", Birth);
        var twice = await SequenceAsync(client, "/api/charts/natal", Birth);
        var thrice = await SequenceAsync(client, "/api/charts/natal", Birth);
        var oneOff = await SequenceAsync(client, "/api/charts/natal", OtherBirth);

        Assert.Equal([1, 2, 2, 3], new[] { once, twice, thrice, oneOff });
        Assert.Equal(3, charts.Received);
    }

    [Fact]
    public async Task Concurrent_requests_for_a_body_seen_once_reach_ChartService_once_more()
    {
        await using var gateway = new GatewayOverFakeCharts(charts.Address);
        using var client = gateway.CreateClient();
        await SequenceAsync(client, "/api/charts/natal", Birth);
        charts.Delay = TimeSpan.FromMilliseconds(300);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => SequenceAsync(client, "/api/charts/natal", Birth)));

        Assert.All(answers, sequence => Assert.Equal(2, sequence));
        Assert.Equal(2, charts.Received);
    }

    private GatewayOverFakeCharts KeepingFirstAnswers(params (string Key, string Value)[] settings) =>
        new(charts.Address, settings.Append((Key: "Gateway:ResponseCache:MinUses", Value: "1")).ToDictionary(s => s.Key, s => s.Value));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50, Ct);
        }

        Assert.True(condition());
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string body,
        string? correlationId = null, string? cacheControl = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (correlationId is not null)
        {
            request.Headers.Add("X-Correlation-ID", correlationId);
        }

        if (cacheControl is not null)
        {
            request.Headers.CacheControl = CacheControlHeaderValue.Parse(cacheControl);
        }

        return await client.SendAsync(request, Ct);
    }

    private static async Task<int> SequenceAsync(HttpClient client, string path, string body, string? cacheControl = null)
    {
        using var response = await PostAsync(client, path, body, cacheControl: cacheControl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return json.RootElement.GetProperty("sequence").GetInt32();
    }

    /// <summary>"remaining" of the IETF RateLimit header ("limit=100, remaining=99").</summary>
    private static int Remaining(HttpResponseMessage response)
    {
        var value = Assert.Single(response.Headers.GetValues("RateLimit"));
        var remaining = value.Split(',', StringSplitOptions.TrimEntries).Single(p => p.StartsWith("remaining=", StringComparison.Ordinal));
        return int.Parse(remaining["remaining=".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
