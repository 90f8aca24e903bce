using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.RegularExpressions;
using LiteDB;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using ZodiaCore.ServiceDefaults.Data;
using ZodiaCore.ServiceDefaults.Telemetry;
using ZodiaCore.Tests.Shared;

namespace ZodiaCore.ServiceDefaults.Tests;

/// <summary>
/// The metrics contract (monitoring/METRICS.md) is exported; built-in instruments that fire on every request and that
/// nothing charts are not enabled at all, unless Telemetry:AllMetrics asks for them.
/// </summary>
public sealed class MetricsTests : IAsyncDisposable
{
    private readonly ServiceDefaultsHost _host = new();
    private readonly List<Meter> _meters = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<WebApplication> StartAsync(bool? allMetrics = null)
    {
        var app = await _host.StartAsync(
            builder =>
            {
                if (allMetrics is { } all)
                {
                    builder.Configuration[OpenTelemetryExtensions.AllMetricsSetting] = all ? "true" : "false";
                }
            },
            app =>
            {
                app.MapGet("/hello", () => "hello");
                app.MapPrometheusScrapingEndpoint("/metrics");
            });
        // The provider subscribes to meters when it is built; resolving it here makes that happen before the test's meters exist.
        Assert.NotNull(app.Services.GetService<MeterProvider>());
        return app;
    }

    private Counter<long> Instrument(string meter, string name)
    {
        // A meter of the same name as the framework's: the SDK decides by meter and instrument name.
        var created = new Meter(meter);
        _meters.Add(created);
        return created.CreateCounter<long>(name);
    }

    [Fact]
    public async Task Per_request_instruments_outside_the_contract_are_not_enabled()
    {
        await StartAsync();

        Assert.False(Instrument("System.Net.Http", "http.client.open_connections").Enabled);
        Assert.False(Instrument("System.Net.Http", "http.client.active_requests").Enabled);
        Assert.False(Instrument("System.Net.Http", "http.client.request.time_in_queue").Enabled);
        Assert.False(Instrument("Microsoft.AspNetCore.Routing", "aspnetcore.routing.match_attempts").Enabled);
        Assert.False(Instrument("Microsoft.AspNetCore.Authentication", "aspnetcore.authentication.authenticate.duration").Enabled);
        Assert.False(Instrument("Microsoft.AspNetCore.MemoryPool", "aspnetcore.memory_pool.rented").Enabled);
    }

    [Fact]
    public async Task Instruments_the_dashboards_and_alerts_read_stay_enabled()
    {
        await StartAsync();

        Assert.True(Instrument("System.Net.Http", "http.client.request.duration").Enabled);
        Assert.True(Instrument("Microsoft.AspNetCore.Hosting", "http.server.request.duration").Enabled);
        Assert.True(Instrument("Microsoft.AspNetCore.Hosting", "http.server.active_requests").Enabled);
        Assert.True(Instrument("Microsoft.AspNetCore.Server.Kestrel", "kestrel.active_connections").Enabled);
        Assert.True(Instrument("ZodiaCore.Charts", "zodiacore.charts.computed").Enabled);
    }

    [Fact]
    public async Task All_metrics_setting_enables_the_dropped_instruments_again()
    {
        await StartAsync(allMetrics: true);

        Assert.True(Instrument("System.Net.Http", "http.client.open_connections").Enabled);
        Assert.True(Instrument("Microsoft.AspNetCore.Routing", "aspnetcore.routing.match_attempts").Enabled);
    }

    [Fact]
    public async Task The_scrape_has_the_request_histogram_and_not_the_routing_match_counter()
    {
        var app = await StartAsync();
        using var client = app.GetTestClient();
        Assert.Equal("hello", await client.GetStringAsync(new Uri("/hello", UriKind.Relative), Ct));

        var scrape = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), Ct);

        Assert.Contains("http_server_request_duration_seconds_bucket", scrape, StringComparison.Ordinal);
        Assert.DoesNotContain("aspnetcore_routing_match_attempts", scrape, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_all_metrics_the_scrape_has_the_routing_match_counter()
    {
        var app = await StartAsync(allMetrics: true);
        using var client = app.GetTestClient();
        Assert.Equal("hello", await client.GetStringAsync(new Uri("/hello", UriKind.Relative), Ct));

        var scrape = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), Ct);

        Assert.Contains("aspnetcore_routing_match_attempts", scrape, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Group_commit_sizes_are_scraped_in_power_of_two_buckets_where_single_document_commits_stand_apart()
    {
        var app = await StartAsync();
        var collection = "c" + Guid.NewGuid().ToString("N");
        using (var database = new LiteDatabase(Path.Combine(_host.DataDirectory, "commits.db")))
        using (var inserts = new LiteDbGroupCommit(database.GetCollection(collection)))
        {
            // Awaited one at a time, each insert is a commit of its own.
            await inserts.InsertAsync(new BsonDocument { ["_id"] = "a" });
            await inserts.InsertAsync(new BsonDocument { ["_id"] = "b" });
        }

        using var client = app.GetTestClient();
        var scrape = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), Ct);

        Assert.Equal("2", Bucket(scrape, collection, "1"));
        Assert.Equal("2", Bucket(scrape, collection, "2"));
        Assert.Equal("2", Bucket(scrape, collection, LiteDbGroupCommit.MaxBatch.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal("2", Bucket(scrape, collection, "+Inf"));
    }

    private static string? Bucket(string scrape, string collection, string le) =>
        Regex.Match(scrape, $$"""^zodiacore_storage_commit_documents_bucket\{[^}]*collection="{{collection}}"[^}]*le="{{Regex.Escape(le)}}"\} (\d+)""",
            RegexOptions.Multiline) is { Success: true } match ? match.Groups[1].Value : null;

    public async ValueTask DisposeAsync()
    {
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }

        await _host.DisposeAsync();
    }
}
