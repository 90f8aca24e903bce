using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ZodiaCore.ChartService.Observability;
using ZodiaCore.Tests.Shared;

namespace ZodiaCore.ChartService.Tests.Observability;

/// <summary>ChartService's instruments as Prometheus scrapes them, through the shared telemetry set-up.</summary>
public sealed partial class ChartMetricsExportTests : IAsyncDisposable
{
    private readonly ServiceDefaultsHost _host = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Chart_compute_durations_are_scraped_in_buckets_that_tell_a_tenth_of_a_millisecond_from_thirty()
    {
        var app = await _host.StartAsync(
            builder => builder.Services.AddSingleton<ChartMetrics>(),
            app => app.MapPrometheusScrapingEndpoint("/metrics"));
        var metrics = app.Services.GetRequiredService<ChartMetrics>();

        // A chart computes in a fraction of a millisecond; a slow one (a cold start, the Moshier fallback) in tens.
        // The SDK listens to every meter of this name in the process, so charts computed by the other test classes'
        // hosts running alongside land in the same scrape: a chart type of this test's own keeps its series apart.
        var chartType = $"test-{Guid.NewGuid():N}";
        metrics.Computed(chartType, TimeSpan.FromMilliseconds(0.1));
        metrics.Computed(chartType, TimeSpan.FromMilliseconds(30));

        using var client = app.GetTestClient();
        var buckets = Buckets(await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), Ct), chartType);

        Assert.Equal(1, buckets[0.001]);
        Assert.Equal(1, buckets[0.025]);
        Assert.Equal(2, buckets[0.05]);
        Assert.Equal(2, buckets[double.PositiveInfinity]);
    }

    /// <summary>Cumulative counts by upper bound of one chart type's series.</summary>
    private static Dictionary<double, long> Buckets(string scrape, string chartType)
    {
        var buckets = new Dictionary<double, long>();
        foreach (Match match in BucketLine().Matches(scrape))
        {
            if (match.Groups["type"].Value != chartType)
            {
                continue;
            }

            var bound = match.Groups["le"].Value == "+Inf" ? double.PositiveInfinity : double.Parse(match.Groups["le"].Value, CultureInfo.InvariantCulture);
            buckets[bound] = long.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture);
        }

        Assert.NotEmpty(buckets);
        return buckets;
    }

    [GeneratedRegex("""^zodiacore_chart_compute_duration_seconds_bucket\{[^}]*chart_type="(?<type>[^"]+)"[^}]*le="(?<le>[^"]+)"\} (?<count>\d+)""", RegexOptions.Multiline)]
    private static partial Regex BucketLine();

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
