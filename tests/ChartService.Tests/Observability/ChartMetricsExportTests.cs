using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ZodiaCore.ChartService.Observability;
using ZodiaCore.ServiceDefaults;

namespace ZodiaCore.ChartService.Tests.Observability;

/// <summary>ChartService's instruments as Prometheus scrapes them, through the shared telemetry set-up.</summary>
public sealed partial class ChartMetricsExportTests : IAsyncDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("zodiacore-chart-metrics-").FullName;
    private WebApplication? _app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Chart_compute_durations_are_scraped_in_buckets_that_tell_a_tenth_of_a_millisecond_from_thirty()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Configuration["ZODIACORE_DATA_DIR"] = _dataDirectory;
        builder.AddServiceDefaults();
        builder.Services.AddSingleton<ChartMetrics>();
        _app = builder.Build();
        _app.MapPrometheusScrapingEndpoint("/metrics");
        await _app.StartAsync(Ct);
        var metrics = _app.Services.GetRequiredService<ChartMetrics>();

        // A natal chart computes in a fraction of a millisecond; a slow one (a cold start, the Moshier fallback) in tens.
        metrics.Computed(ChartMetrics.Natal, TimeSpan.FromMilliseconds(0.1));
        metrics.Computed(ChartMetrics.Natal, TimeSpan.FromMilliseconds(30));

        using var client = _app.GetTestClient();
        var buckets = NatalBuckets(await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), Ct));

        Assert.Equal(1, buckets[0.001]);
        Assert.Equal(1, buckets[0.025]);
        Assert.Equal(2, buckets[0.05]);
        Assert.Equal(2, buckets[double.PositiveInfinity]);
    }

    /// <summary>Cumulative counts by upper bound of the natal series.</summary>
    private static Dictionary<double, long> NatalBuckets(string scrape)
    {
        var buckets = new Dictionary<double, long>();
        foreach (Match match in NatalBucketLine().Matches(scrape))
        {
            var bound = match.Groups["le"].Value == "+Inf" ? double.PositiveInfinity : double.Parse(match.Groups["le"].Value, CultureInfo.InvariantCulture);
            buckets[bound] = long.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture);
        }

        Assert.NotEmpty(buckets);
        return buckets;
    }

    [GeneratedRegex("""^zodiacore_chart_compute_duration_seconds_bucket\{[^}]*chart_type="natal"[^}]*le="(?<le>[^"]+)"\} (?<count>\d+)""", RegexOptions.Multiline)]
    private static partial Regex NatalBucketLine();

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Log files may still be closing; the temp folder is cleaned by the OS.
        }
    }
}
