using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ZodiaCore.IntegrationTests;

/// <summary>One panel of a dashboard (rows' nested panels included).</summary>
public sealed record GrafanaPanel(string Dashboard, JsonObject Json)
{
    public int? Id => Json["id"]?.GetValue<int>();

    public string Title => Json["title"]?.GetValue<string>() ?? "(untitled)";

    public bool IsRow => Json["type"]?.GetValue<string>() == "row";

    public string? DatasourceUid => Json["datasource"]?["uid"]?.GetValue<string>();

    public IEnumerable<GrafanaTarget> Targets =>
        (Json["targets"]?.AsArray() ?? []).OfType<JsonObject>().Select(t => new GrafanaTarget(this, t));

    public override string ToString() => $"{Dashboard} panel {Id} '{Title}'";
}

/// <summary>One query of a panel.</summary>
public sealed record GrafanaTarget(GrafanaPanel Panel, JsonObject Json)
{
    public string RefId => Json["refId"]?.GetValue<string>() ?? "?";

    public string Expression => Json["expr"]?.GetValue<string>() ?? "";

    public string? DatasourceUid => Json["datasource"]?["uid"]?.GetValue<string>();

    public override string ToString() => $"{Panel} query {RefId}";
}

/// <summary>A template variable: its name, the value Grafana sends with "All" selected, and its label_values query.</summary>
public sealed record GrafanaVariable(string Dashboard, string Name, string? AllValue, string Query, string? DatasourceUid);

/// <summary>
/// The dashboards under monitoring/grafana/dashboards and the datasource they are provisioned with, read as Grafana
/// reads them, with expressions made concrete the way Grafana makes them before it sends them to Prometheus.
/// </summary>
public sealed partial class GrafanaDashboards
{
    private GrafanaDashboards(IReadOnlyList<(string Name, JsonObject Json)> files, string datasourceUid, TimeSpan datasourceInterval)
    {
        Files = files;
        DatasourceUid = datasourceUid;
        DatasourceInterval = datasourceInterval;
    }

    public IReadOnlyList<(string Name, JsonObject Json)> Files { get; }

    /// <summary>The uid of the Prometheus datasource in provisioning/datasources.</summary>
    public string DatasourceUid { get; }

    /// <summary>The datasource's scrape interval (<c>jsonData.timeInterval</c>), Grafana's floor for $__interval.</summary>
    public TimeSpan DatasourceInterval { get; }

    public IEnumerable<GrafanaPanel> Panels => Files.SelectMany(f => AllPanels(f.Json["panels"]?.AsArray()).Select(p => new GrafanaPanel(f.Name, p)));

    public IEnumerable<GrafanaTarget> Targets => Panels.Where(p => !p.IsRow).SelectMany(p => p.Targets);

    public IEnumerable<GrafanaVariable> Variables => Files.SelectMany(f =>
        (f.Json["templating"]?["list"]?.AsArray() ?? []).OfType<JsonObject>().Select(v => new GrafanaVariable(
            f.Name,
            v["name"]!.GetValue<string>(),
            v["allValue"]?.GetValue<string>(),
            (v["query"] is JsonObject query ? query["query"] : v["query"])?.GetValue<string>() ?? "",
            v["datasource"]?["uid"]?.GetValue<string>())));

    public static GrafanaDashboards Load(string monitoringDirectory)
    {
        var grafana = Path.Combine(monitoringDirectory, "grafana");
        var files = Directory.GetFiles(Path.Combine(grafana, "dashboards"), "*.json").Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), JsonNode.Parse(File.ReadAllText(path))!.AsObject()))
            .ToList();

        var yaml = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(grafana, "provisioning", "datasources", "prometheus.yml")))
        {
            yaml.Load(reader);
        }

        var datasource = ((YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["datasources"]).Children.OfType<YamlMappingNode>()
            .Single(d => d["type"].ToString() == "prometheus");
        var interval = ((YamlMappingNode)datasource["jsonData"])["timeInterval"].ToString();
        return new GrafanaDashboards(files, datasource["uid"].ToString(), PrometheusDuration.Parse(interval));
    }

    /// <summary>
    /// The expression as Grafana sends it over the dashboard's default range (<c>now-1h</c>: $__range is 1h) with every
    /// variable on "All" (its allValue). $__interval is then the datasource's scrape interval and $__rate_interval four
    /// of them, as Grafana computes both for ranges up to a few hours. Unknown variables are left in, so Prometheus
    /// refuses the query and the test names it.
    /// </summary>
    public string Concrete(string dashboard, string expression)
    {
        var values = Variables.Where(v => v.Dashboard == dashboard).ToDictionary(v => v.Name, v => v.AllValue ?? ".*");
        values["__interval"] = PrometheusDuration.Format(DatasourceInterval);
        values["__rate_interval"] = PrometheusDuration.Format(DatasourceInterval * 4);
        if (Files.Single(f => f.Name == dashboard).Json["time"]?["from"]?.GetValue<string>() is { } from && from.StartsWith("now-", StringComparison.Ordinal))
        {
            values["__range"] = from["now-".Length..];
        }
        return VariableReference().Replace(expression, m =>
            values.TryGetValue(m.Groups["name"].Value is { Length: > 0 } name ? name : m.Groups["bracketed"].Value, out var value) ? value : m.Value);
    }

    /// <summary>
    /// The expression without a trailing <c>or vector(0)</c>: that fallback makes a quiet counter read 0 instead of
    /// "no data", and would make any query look as if it had data.
    /// </summary>
    public static string WithoutZeroFallback(string expression) => ZeroFallback().Replace(expression, "");

    private static IEnumerable<JsonObject> AllPanels(JsonArray? panels)
    {
        foreach (var panel in (panels ?? []).OfType<JsonObject>())
        {
            yield return panel;
            foreach (var nested in AllPanels(panel["panels"]?.AsArray()))
            {
                yield return nested;
            }
        }
    }

    [GeneratedRegex(@"\$\{(?<name>\w+)(?::\w+)?\}|\$(?<name>\w+)|\[\[(?<bracketed>\w+)\]\]")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"\s+or\s+(on\s*\(\s*\)\s*)?vector\(\s*0\s*\)\s*$")]
    private static partial Regex ZeroFallback();
}

/// <summary>Prometheus durations such as 15s, 1m, 2h: the forms the monitoring files use.</summary>
public static partial class PrometheusDuration
{
    public static TimeSpan Parse(string text)
    {
        var match = Pattern().Match(text.Trim());
        Assert.True(match.Success, $"'{text}' is not a Prometheus duration");
        var amount = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromDays(amount),
        };
    }

    public static string Format(TimeSpan duration) => string.Create(CultureInfo.InvariantCulture, $"{(long)duration.TotalSeconds}s");

    [GeneratedRegex(@"^(\d+)(ms|s|m|h|d)$")]
    private static partial Regex Pattern();
}
