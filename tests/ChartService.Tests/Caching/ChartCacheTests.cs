using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ZodiaCore.ChartService.Caching;
using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Observability;
using ZodiaCore.ChartService.Tests.Apis;
using ZodiaCore.ChartService.Time;
using static ZodiaCore.ChartService.Tests.Apis.ChartRequests;

namespace ZodiaCore.ChartService.Tests.Caching;

public sealed class ChartCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_second_identical_request_is_a_cache_hit_and_computes_nothing()
    {
        await using var factory = new ChartApiFactory();
        using var client = factory.CreateClient();
        using var metrics = new ChartMetricsListener(factory.Services);

        using var first = await client.PostAsync("/api/charts/natal", Json(Natal), Ct);
        var afterFirst = (Misses: metrics.Count(ChartMetrics.CacheRequestsName, "result", "miss"), Computed: metrics.Count(ChartMetrics.ComputedName, "chart_type", "natal"));
        using var second = await client.PostAsync("/api/charts/natal", Json(Natal), Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((1, 1), afterFirst);
        Assert.Equal(1, metrics.Count(ChartMetrics.CacheRequestsName, "result", "hit"));
        Assert.Equal(1, metrics.Count(ChartMetrics.CacheRequestsName, "result", "miss"));
        Assert.Equal(1, metrics.Count(ChartMetrics.ComputedName, "chart_type", "natal"));
        Assert.Equal(1, metrics.Count(ChartMetrics.ComputeDurationName, "chart_type", "natal"));
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_chart_from_the_fallback_ephemeris_is_answered_but_never_cached()
    {
        await using var factory = new ChartApiFactory { Settings = new Dictionary<string, string> { ["Ephemeris:Path"] = "/nonexistent/ephe" } };
        using var client = factory.CreateClient();
        using var metrics = new ChartMetricsListener(factory.Services);

        using var first = await client.PostAsync("/api/charts/natal", Json(Natal), Ct);
        using var second = await client.PostAsync("/api/charts/natal", Json(Natal), Ct);
        using var wheel = await client.PostAsync("/api/charts/natal/svg", Json(Natal), Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var json = JsonDocument.Parse(await second.Content.ReadAsStringAsync(Ct));
        Assert.Equal("moshier", json.RootElement.GetProperty("meta").GetProperty("ephemerisSource").GetString());
        Assert.Equal(0, metrics.Count(ChartMetrics.CacheRequestsName, "result", "hit"));
        Assert.Equal(3, metrics.Count(ChartMetrics.ComputedName, "chart_type", "natal"));
        Assert.All(new[] { first, second, wheel }, r => Assert.True(r.Headers.CacheControl?.NoStore));
    }

    [Fact]
    public async Task A_chart_computed_for_a_no_store_request_is_answered_but_not_cached()
    {
        await using var factory = new ChartApiFactory();
        using var client = factory.CreateClient();
        using var metrics = new ChartMetricsListener(factory.Services);

        using var noStore = await client.SendAsync(NatalWith("/api/charts/natal", new() { NoStore = true }), Ct);
        using var wheel = await client.SendAsync(NatalWith("/api/charts/natal/svg", new() { NoStore = true }), Ct);
        using var plain = await client.PostAsync("/api/charts/natal", Json(Natal), Ct);
        using var again = await client.SendAsync(NatalWith("/api/charts/natal", new() { NoStore = true }), Ct);

        Assert.All(new[] { noStore, wheel, plain, again }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(await noStore.Content.ReadAsStringAsync(Ct), await plain.Content.ReadAsStringAsync(Ct));
        // The first two computed and kept nothing, the plain request computed and kept it, and the last no-store
        // request was answered from the cache: no-store leaves the cache as it was but may still read it.
        Assert.Equal(3, metrics.Count(ChartMetrics.ComputedName, "chart_type", "natal"));
        Assert.Equal(1, metrics.Count(ChartMetrics.CacheRequestsName, "result", "hit"));
        Assert.Equal(await plain.Content.ReadAsStringAsync(Ct), await again.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_no_cache_request_computes_the_chart_without_reading_the_cache_and_counts_no_lookup()
    {
        await using var factory = new ChartApiFactory();
        using var client = factory.CreateClient();
        using var metrics = new ChartMetricsListener(factory.Services);

        using var plain = await client.PostAsync("/api/charts/natal", Json(Natal), Ct);
        using var noCache = await client.SendAsync(NatalWith("/api/charts/natal", new() { NoCache = true }), Ct);
        using var neither = await client.SendAsync(NatalWith("/api/charts/natal", new() { NoCache = true, NoStore = true }), Ct);
        using var svg = await client.SendAsync(NatalWith("/api/charts/natal/svg", new() { NoCache = true, NoStore = true }), Ct);

        Assert.All(new[] { plain, noCache, neither, svg }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var expected = await plain.Content.ReadAsStringAsync(Ct);
        Assert.Equal(expected, await noCache.Content.ReadAsStringAsync(Ct));
        Assert.Equal(expected, await neither.Content.ReadAsStringAsync(Ct));
        // The plain request missed and computed; each no-cache request computed again although the chart was cached,
        // and was counted neither as a hit nor as a miss, since the cache was not looked at.
        Assert.Equal(4, metrics.Count(ChartMetrics.ComputedName, "chart_type", "natal"));
        Assert.Equal(1, metrics.Count(ChartMetrics.CacheRequestsName, "result", "miss"));
        Assert.Equal(0, metrics.Count(ChartMetrics.CacheRequestsName, "result", "hit"));
    }

    [Fact]
    public async Task A_no_cache_request_keeps_the_chart_it_computed_for_the_next_plain_request()
    {
        await using var factory = new ChartApiFactory();
        using var client = factory.CreateClient();
        using var metrics = new ChartMetricsListener(factory.Services);
        using var refresh = NatalWith("/api/charts/natal", new() { NoCache = true });

        using var fresh = await client.SendAsync(refresh, Ct);
        using var plain = await client.PostAsync("/api/charts/natal", Json(Natal), Ct);

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(await fresh.Content.ReadAsStringAsync(Ct), await plain.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1, metrics.Count(ChartMetrics.ComputedName, "chart_type", "natal"));
        Assert.Equal(1, metrics.Count(ChartMetrics.CacheRequestsName, "result", "hit"));
    }

    [Fact]
    public async Task A_chart_from_the_ephemeris_files_carries_no_cache_restriction()
    {
        await using var factory = new ChartApiFactory();
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/charts/natal", Json(Natal), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.CacheControl);
    }

    [Fact]
    public async Task Saving_a_chart_already_computed_takes_it_from_the_cache()
    {
        await using var factory = new ChartApiFactory();
        using var client = factory.CreateUserClient("cache-user");
        using var metrics = new ChartMetricsListener(factory.Services);

        using var computed = await client.PostAsync("/api/charts/natal", Json(Natal), Ct);
        using var saved = await client.PostAsync("/api/charts", Json(Saved("Cached")), Ct);

        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal(1, metrics.Count(ChartMetrics.ComputedName, "chart_type", "natal"));
        Assert.Equal(1, metrics.Count(ChartMetrics.CacheRequestsName, "result", "hit"));
    }

    [Fact]
    public async Task Transits_and_synastry_are_counted_as_computed_by_type()
    {
        await using var factory = new ChartApiFactory();
        using var client = factory.CreateClient();
        using var metrics = new ChartMetricsListener(factory.Services);

        using var transits = await client.PostAsync("/api/charts/transits", Json($$"""{ "natal": {{Natal}}, "at": "2026-01-01T00:00:00Z" }"""), Ct);
        using var synastry = await client.PostAsync("/api/charts/synastry", Json($$"""{ "first": {{Natal}}, "second": {{Natal}} }"""), Ct);

        Assert.Equal(HttpStatusCode.OK, transits.StatusCode);
        Assert.Equal(HttpStatusCode.OK, synastry.StatusCode);
        Assert.Equal(1, metrics.Count(ChartMetrics.ComputedName, "chart_type", "transits"));
        Assert.Equal(1, metrics.Count(ChartMetrics.ComputedName, "chart_type", "synastry"));
        Assert.Equal(1, metrics.Count(ChartMetrics.ComputeDurationName, "chart_type", "transits"));
    }

    [Fact]
    public async Task A_memory_hit_hands_out_the_cached_instance_without_deserialising_a_copy()
    {
        await using var factory = new ChartApiFactory();
        var cache = factory.Services.GetRequiredService<ChartCache>();
        var builder = factory.Services.GetRequiredService<NatalChartBuilder>();
        var request = new NatalChartRequest(new BirthInput("1975-02-03", "06:07", "Europe/Paris"), new LocationInput(48.85, 2.35));

        var first = await cache.GetOrComputeAsync(builder.Prepare(request, "").Value!, Ct);
        var second = await cache.GetOrComputeAsync(builder.Prepare(request, "").Value!, Ct);

        Assert.Same(first.Value, second.Value);
        Assert.True(first.Value!.Json.Span.SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(first.Value.ReadChart(), ZodiaCore.ChartService.Apis.ChartJsonContext.Answer.ChartResponse)),
            "The cached JSON is not the chart it holds.");
    }

    [Fact]
    public async Task A_flood_of_distinct_charts_stays_within_CACHE_MEMORY_MB_in_memory()
    {
        await using var factory = new ChartApiFactory { Settings = new Dictionary<string, string> { ["CACHE_MEMORY_MB"] = "1" } };
        var cache = factory.Services.GetRequiredService<ChartCache>();
        var builder = factory.Services.GetRequiredService<NatalChartBuilder>();
        var memory = Assert.IsType<MemoryCache>(factory.Services.GetRequiredService<IMemoryCache>());
        const int charts = 300; // about 11 KB of JSON each: three times the limit

        for (var i = 0; i < charts; i++)
        {
            var request = new NatalChartRequest(new BirthInput(Utc: $"1990-05-15T{i / 60:00}:{i % 60:00}:00Z"), new LocationInput(51.5, -0.12));
            var outcome = await cache.GetOrComputeAsync(builder.Prepare(request, "").Value!, Ct);
            Assert.NotNull(outcome.Value);
        }

        var statistics = memory.GetCurrentStatistics()!;
        Assert.InRange(statistics.CurrentEstimatedSize ?? 0, 1, 1024 * 1024);
        Assert.InRange(statistics.CurrentEntryCount, 1, charts / 2);
    }

    [Fact]
    public void The_memory_bound_is_read_from_CACHE_MEMORY_MB()
    {
        static IConfiguration With(string? value) => new ConfigurationBuilder()
            .AddInMemoryCollection(value is null ? [] : [new("CACHE_MEMORY_MB", value)]).Build();

        Assert.Equal(64L * 1024 * 1024, ChartCache.ReadMemoryLimitBytes(With("64")));
        Assert.Equal(256L * 1024 * 1024, ChartCache.ReadMemoryLimitBytes(With(null)));
        Assert.Throws<InvalidOperationException>(() => ChartCache.ReadMemoryLimitBytes(With("0")));
        Assert.Throws<InvalidOperationException>(() => ChartCache.ReadMemoryLimitBytes(With("lots")));
    }

    [Fact]
    public async Task A_polar_refusal_is_answered_422_and_not_cached()
    {
        await using var factory = new ChartApiFactory();
        using var client = factory.CreateClient();
        using var metrics = new ChartMetricsListener(factory.Services);
        var polar = Natal.Replace("51.5074", "78.22", StringComparison.Ordinal)
            .Replace("\"ayanamsa\": \"lahiri\"", "\"ayanamsa\": \"lahiri\", \"polarHouses\": \"error\"", StringComparison.Ordinal);

        using var first = await client.PostAsync("/api/charts/natal", Json(polar), Ct);
        using var second = await client.PostAsync("/api/charts/natal", Json(polar), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal(2, metrics.Count(ChartMetrics.CacheRequestsName, "result", "miss"));
    }

    [Fact]
    public async Task A_failing_second_level_cache_still_answers_200()
    {
        var failing = new FailingDistributedCache();
        await using var factory = new ChartApiFactory { TestServices = services => services.AddSingleton<IDistributedCache>(failing) };
        using var client = factory.CreateClient();

        using var first = await client.PostAsync("/api/charts/natal", Json(Distinct(1)), Ct);
        using var second = await client.PostAsync("/api/charts/natal", Json(Distinct(2)), Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(failing.Calls > 0, "The second-level cache was never asked, so this test proved nothing.");
    }

    [Fact]
    public async Task A_request_with_no_cache_and_no_store_makes_no_call_to_the_second_level_cache()
    {
        var counting = new FailingDistributedCache();
        await using var factory = new ChartApiFactory { TestServices = services => services.AddSingleton<IDistributedCache>(counting) };
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/charts/natal") { Content = Json(Distinct(3)) };
        request.Headers.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { NoCache = true, NoStore = true };

        // HybridCache reads its tag invalidations from the second level once, when it is built: not this request's.
        _ = factory.Services.GetRequiredService<HybridCache>();
        var before = counting.Calls;

        using var neither = await client.SendAsync(request, Ct);
        var callsForIt = counting.Calls - before;
        using var plain = await client.PostAsync("/api/charts/natal", Json(Distinct(4)), Ct);

        Assert.Equal(HttpStatusCode.OK, neither.StatusCode);
        Assert.Equal(0, callsForIt);
        Assert.True(counting.Calls - before > 0, "A plain request did not ask the second-level cache either, so this test proved nothing.");
    }

    [Fact]
    public void The_cache_time_to_live_is_read_from_CACHE_TTL_in_seconds()
    {
        var configured = new ConfigurationBuilder()
            .AddInMemoryCollection([new("CACHE_TTL", "120")]).Build();
        var empty = new ConfigurationBuilder().Build();
        var invalid = new ConfigurationBuilder()
            .AddInMemoryCollection([new("CACHE_TTL", "-5")]).Build();

        Assert.Equal(TimeSpan.FromSeconds(120), ChartCache.ReadTtl(configured));
        Assert.Equal(TimeSpan.FromSeconds(3600), ChartCache.ReadTtl(empty));
        Assert.Throws<InvalidOperationException>(() => { _ = ChartCache.ReadTtl(invalid); });
    }

    /// <summary>The natal request <c>Natal</c> posted to <paramref name="path"/> with the given cache directives.</summary>
    private static HttpRequestMessage NatalWith(string path, System.Net.Http.Headers.CacheControlHeaderValue cacheControl)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(Natal) };
        request.Headers.CacheControl = cacheControl;
        return request;
    }

    /// <summary>An L2 that fails every call, as a Redis client does when the server is gone, and counts them.</summary>
    private sealed class FailingDistributedCache : IDistributedCache
    {
        private int _calls;

        public int Calls => _calls;

        public byte[]? Get(string key) => Fail<byte[]?>();

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Fail<Task<byte[]?>>();

        public void Refresh(string key) => Fail<bool>();

        public Task RefreshAsync(string key, CancellationToken token = default) => Fail<Task>();

        public void Remove(string key) => Fail<bool>();

        public Task RemoveAsync(string key, CancellationToken token = default) => Fail<Task>();

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => Fail<bool>();

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => Fail<Task>();

        private T Fail<T>()
        {
            Interlocked.Increment(ref _calls);
            throw new TimeoutException("Redis is down (test).");
        }
    }
}
