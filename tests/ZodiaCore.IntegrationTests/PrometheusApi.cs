using System.Globalization;
using System.Text.Json;

namespace ZodiaCore.IntegrationTests;

/// <summary>One series of an instant query: its labels and its value.</summary>
public sealed record PrometheusSample(IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string? Label(string name) => Labels.GetValueOrDefault(name);
}

/// <summary>An instant query's answer: the samples, or the error Prometheus gave (a query that does not parse).</summary>
public sealed record PrometheusResult(string? Error, IReadOnlyList<PrometheusSample> Samples)
{
    public bool Succeeded => Error is null;
}

/// <summary>One alert Prometheus holds (pending or firing).</summary>
public sealed record PrometheusAlert(IReadOnlyDictionary<string, string> Labels, string State);

/// <summary>The parts of Prometheus's HTTP API the tests read, as Grafana and operators use them.</summary>
public sealed class PrometheusApi(HttpClient http) : IDisposable
{
    /// <summary>Evaluates a PromQL expression now. Posted as a form, as Grafana's datasource (httpMethod POST) does.</summary>
    public async Task<PrometheusResult> QueryAsync(string expression)
    {
        using var form = new FormUrlEncodedContent([new("query", expression)]);
        using var response = await http.PostAsync(new Uri("/api/v1/query", UriKind.Relative), form, TestContext.Current.CancellationToken);
        using var json = await FoundationTests.ReadJsonAsync(response);
        var root = json.RootElement;
        if (root.GetProperty("status").GetString() != "success")
        {
            return new PrometheusResult(root.TryGetProperty("error", out var error) ? error.GetString() : $"HTTP {(int)response.StatusCode}", []);
        }

        var data = root.GetProperty("data");
        var result = data.GetProperty("result");
        IReadOnlyList<PrometheusSample> samples = data.GetProperty("resultType").GetString() switch
        {
            "vector" => [.. result.EnumerateArray().Select(r => new PrometheusSample(Labels(r.GetProperty("metric")), Number(r.GetProperty("value")[1])))],
            "scalar" => [new PrometheusSample(new Dictionary<string, string>(), Number(result[1]))],
            var other => throw new InvalidOperationException($"an instant query answered a {other}"),
        };
        return new PrometheusResult(null, samples);
    }

    /// <summary>
    /// Evaluates an expression at every <paramref name="step"/> from <paramref name="start"/> to now, as a Grafana
    /// time-series panel does over its range; one sample per series and point in time.
    /// </summary>
    public async Task<IReadOnlyList<PrometheusSample>> RangeSamplesAsync(string expression, DateTimeOffset start, TimeSpan step)
    {
        var inv = CultureInfo.InvariantCulture;
        using var form = new FormUrlEncodedContent(
        [
            new("query", expression),
            new("start", (start.ToUnixTimeMilliseconds() / 1000.0).ToString(inv)),
            new("end", (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0).ToString(inv)),
            new("step", step.TotalSeconds.ToString(inv)),
        ]);
        using var response = await http.PostAsync(new Uri("/api/v1/query_range", UriKind.Relative), form, TestContext.Current.CancellationToken);
        using var json = await FoundationTests.ReadJsonAsync(response);
        var root = json.RootElement;
        Assert.True(root.GetProperty("status").GetString() == "success", $"{expression}: {root}");
        return [.. root.GetProperty("data").GetProperty("result").EnumerateArray()
            .SelectMany(series => series.GetProperty("values").EnumerateArray()
                .Select(point => new PrometheusSample(Labels(series.GetProperty("metric")), Number(point[1]))))];
    }

    /// <summary>Evaluates an expression that must parse.</summary>
    public async Task<IReadOnlyList<PrometheusSample>> SamplesAsync(string expression)
    {
        var result = await QueryAsync(expression);
        Assert.True(result.Succeeded, $"{expression}: {result.Error}");
        return result.Samples;
    }

    public async Task<IReadOnlyList<PrometheusAlert>> AlertsAsync()
    {
        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/v1/alerts", UriKind.Relative), TestContext.Current.CancellationToken));
        return [.. json.RootElement.GetProperty("data").GetProperty("alerts").EnumerateArray()
            .Select(a => new PrometheusAlert(Labels(a.GetProperty("labels")), a.GetProperty("state").GetString()!))];
    }

    /// <summary>
    /// Waits until every target has been scraped after <paramref name="moment"/> and the rules have been evaluated on
    /// those scrapes, so queries see everything that happened before it.
    /// </summary>
    public async Task WaitForScrapesAfterAsync(DateTimeOffset moment, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        var since = moment.ToUnixTimeMilliseconds() / 1000.0;
        // First every target scraped after the moment; then a rule evaluation at or after the latest of those
        // scrapes. Two monotone steps: asking for "evaluated after the newest scrape" at one poll can keep missing,
        // as targets are scraped at other offsets of the interval than the rules are evaluated.
        double? scrapedBy = null;
        while (true)
        {
            if (scrapedBy is null)
            {
                var scrapes = await SamplesAsync("timestamp(up)");
                if (scrapes.Count > 0 && scrapes.All(s => s.Value > since))
                {
                    scrapedBy = scrapes.Max(s => s.Value);
                }
            }

            if (scrapedBy is { } scraped)
            {
                // The evaluation time of a recording rule (rules/slo.yml).
                var evaluated = await SamplesAsync("min(timestamp(zodiacore:slo_objective:ratio))");
                if (evaluated.Count == 1 && evaluated[0].Value >= scraped)
                {
                    return;
                }
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"Prometheus did not scrape every target and evaluate its rules after {moment:O}");
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }

    public void Dispose() => http.Dispose();

    private static Dictionary<string, string> Labels(JsonElement metric) =>
        metric.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    // Prometheus writes sample values as strings, with NaN and ±Inf spelled its own way.
    private static double Number(JsonElement value) => value.GetString() switch
    {
        "NaN" => double.NaN,
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        var text => double.Parse(text!, CultureInfo.InvariantCulture),
    };
}
