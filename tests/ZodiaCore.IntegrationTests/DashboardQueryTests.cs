using System.Text.RegularExpressions;

namespace ZodiaCore.IntegrationTests;

/// <summary>
/// The Grafana dashboards against a real Prometheus scraping a running ZodiaCore: every query parses, and after a little
/// traffic of every kind every panel shows it.
/// </summary>
[Collection(MonitoredCollection.Name)]
public sealed partial class DashboardQueryTests(MonitoredAppFixture fixture)
{
    /// <summary>
    /// Panels that must return series but whose right reading after this traffic may be 0, so they are not held to
    /// "shows a value". Kept small: every other panel is fed by the traffic.
    /// </summary>
    private static readonly (string Dashboard, string Panel)[] ZeroIsRight =
    [
        // 0 is "closed". Opening the fake provider's breaker would fail over every other test's interpretations.
        ("charts-interpretations.json", "Circuit breakers"),
        // Burns the chart latency budget only when a chart request takes over 0.25 s, which a healthy system avoids.
        ("slo.json", "Latency burn rate per window"),
    ];

    private readonly GrafanaDashboards dashboards = GrafanaDashboards.Load(fixture.App.MonitoringDirectory);

    [Fact]
    public void Every_panel_has_its_own_id_a_query_and_the_provisioned_datasource()
    {
        Assert.NotEmpty(dashboards.Files);
        var failures = new List<string>();
        foreach (var dashboard in dashboards.Panels.GroupBy(p => p.Dashboard))
        {
            var repeated = dashboard.GroupBy(p => p.Id).Where(g => g.Key is null || g.Count() > 1).Select(g => g.Key?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none");
            failures.AddRange(repeated.Select(id => $"{dashboard.Key}: panel id {id} is missing or repeated"));
        }

        foreach (var panel in dashboards.Panels.Where(p => !p.IsRow))
        {
            if (panel.DatasourceUid != dashboards.DatasourceUid)
            {
                failures.Add($"{panel}: datasource uid {panel.DatasourceUid ?? "none"}, not {dashboards.DatasourceUid}");
            }

            if (!panel.Targets.Any(t => t.Expression.Length > 0))
            {
                failures.Add($"{panel}: no query");
            }

            failures.AddRange(panel.Targets.Where(t => t.DatasourceUid != dashboards.DatasourceUid)
                .Select(t => $"{t}: datasource uid {t.DatasourceUid ?? "none"}, not {dashboards.DatasourceUid}"));
        }

        failures.AddRange(dashboards.Variables.Where(v => v.DatasourceUid != dashboards.DatasourceUid)
            .Select(v => $"{v.Dashboard} variable {v.Name}: datasource uid {v.DatasourceUid ?? "none"}, not {dashboards.DatasourceUid}"));
        failures.AddRange(ZeroIsRight.Where(e => !dashboards.Panels.Any(p => p.Dashboard == e.Dashboard && p.Title == e.Panel))
            .Select(e => $"exemption for {e.Dashboard} '{e.Panel}' names no panel"));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Every_template_variable_selects_a_label_that_prometheus_has()
    {
        using var prometheus = await fixture.App.ConnectPrometheusAsync();
        await prometheus.WaitForScrapesAfterAsync(DateTimeOffset.UtcNow);

        var failures = new List<string>();
        foreach (var variable in dashboards.Variables)
        {
            var match = LabelValues().Match(variable.Query);
            if (!match.Success)
            {
                failures.Add($"{variable.Dashboard} variable {variable.Name}: '{variable.Query}' is not label_values(<selector>, <label>)");
                continue;
            }

            var selector = dashboards.Concrete(variable.Dashboard, match.Groups["selector"].Value);
            var label = match.Groups["label"].Value;
            var result = await prometheus.QueryAsync(selector);
            var values = result.Samples.Select(s => s.Label(label)).OfType<string>().ToHashSet();
            if (!result.Succeeded || values.Count == 0)
            {
                failures.Add($"{variable.Dashboard} variable {variable.Name}: no '{label}' label on {selector} ({result.Error ?? "no series"})");
            }
            else if (label == "job" && !ZodiaCoreApp.Services.All(values.Contains))
            {
                failures.Add($"{variable.Dashboard} variable {variable.Name}: jobs {string.Join(", ", values)} miss a service");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Every_panel_query_parses_and_shows_the_traffic_that_feeds_it()
    {
        using var prometheus = await fixture.App.ConnectPrometheusAsync();
        using var traffic = new DashboardTraffic(fixture.App);
        var trafficStarted = DateTimeOffset.UtcNow;
        for (var round = 1; round <= 2; round++)
        {
            await traffic.DriveRoundAsync(round);
            // A second's margin: a request's duration is recorded as it ends, just after the client has the answer.
            await prometheus.WaitForScrapesAfterAsync(DateTimeOffset.UtcNow.AddSeconds(1));
        }

        var failures = new List<string>();
        foreach (var target in dashboards.Targets)
        {
            var expression = dashboards.Concrete(target.Panel.Dashboard, target.Expression);
            var result = await prometheus.QueryAsync(expression);
            if (!result.Succeeded)
            {
                failures.Add($"{target}: does not run ({result.Error}): {expression}");
                continue;
            }

            // Over the traffic's whole span, as the panel draws it: on a slow machine a round outlasts the rate window,
            // so a single evaluation at the end could miss what the first part of the round caused.
            var data = GrafanaDashboards.WithoutZeroFallback(expression);
            // And now: the range's last step can fall just before the newest evaluation, which may hold the last round's effect.
            IReadOnlyList<PrometheusSample> samples =
                [.. await prometheus.RangeSamplesAsync(data, trafficStarted, TimeSpan.FromSeconds(2)), .. (await prometheus.QueryAsync(data)).Samples];
            var zeroIsRight = ZeroIsRight.Any(e => e.Dashboard == target.Panel.Dashboard && e.Panel == target.Panel.Title);
            if (samples.Count == 0)
            {
                failures.Add($"{target}: no data: {data}");
            }
            else if (!zeroIsRight && !samples.Any(s => double.IsFinite(s.Value) && s.Value != 0))
            {
                failures.Add($"{target}: only {string.Join(", ", samples.Select(s => s.Value).Distinct())}, nothing the traffic caused: {data}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [GeneratedRegex(@"^\s*label_values\((?<selector>.+),\s*(?<label>\w+)\)\s*$")]
    private static partial Regex LabelValues();
}
