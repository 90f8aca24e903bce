using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace ZodiaCore.AppHost.Monitoring;

/// <summary>
/// Prometheus and Grafana as the official images, for <c>containers</c> mode, with the same committed configuration,
/// rules, provisioning and dashboards as local mode.
/// </summary>
public static class ContainerMonitoringExtensions
{
    public const string PrometheusImage = "prom/prometheus";
    public const string PrometheusTag = "v3.5.0";
    public const string GrafanaImage = "grafana/grafana";
    public const string GrafanaTag = "12.1.0";
    public const string GrafanaPortSetting = "ZODIACORE_GRAFANA_PORT";

    private const string ConfigMount = "/etc/zodiacore";
    private const string WorkingConfig = "/prometheus/config";

    /// <summary>
    /// Prometheus in a container, scraping the services through the endpoints Aspire resolves for containers (host
    /// services are reached through the container tunnel, not localhost). Those addresses exist only inside the
    /// container, so its entry point writes the file_sd target files from environment variables before starting.
    /// </summary>
    public static IResourceBuilder<ContainerResource> AddPrometheusContainer(this IDistributedApplicationBuilder builder,
        string configDirectory, IEnumerable<IResourceBuilder<ProjectResource>> services)
    {
        var port = int.TryParse(builder.Configuration[PrometheusExtensions.PortSetting], out var p) && p > 0 ? p : 9090;
        var prometheus = builder.AddContainer("prometheus", PrometheusImage, PrometheusTag)
            .WithImageRegistry("docker.io")
            .WithBindMount(configDirectory, ConfigMount, isReadOnly: true)
            .WithVolume("zodiacore-prometheus-data", "/prometheus")
            .WithHttpEndpoint(port: port, targetPort: 9090, name: "http")
            .WithHttpHealthCheck("/-/ready")
            .WithEntrypoint("/bin/sh");

        var jobs = new Dictionary<string, List<string>>();
        foreach (var service in services)
        {
            var job = PrometheusExtensions.JobName(service.Resource.Name);
            if (!jobs.TryGetValue(job, out var variables))
            {
                jobs[job] = variables = [];
            }

            var variable = $"ZODIACORE_TARGET_{job.ToUpperInvariant()}_{variables.Count.ToString(CultureInfo.InvariantCulture)}";
            variables.Add(variable);
            var endpoint = service.GetEndpoint("http");
            prometheus.WithEnvironment(variable, ReferenceExpression.Create($"{endpoint.Property(EndpointProperty.HostAndPort)}"))
                .WithReferenceRelationship(service);
        }

        return prometheus.WithArgs("-c", StartScript(jobs));
    }

    /// <summary>
    /// Grafana in a container with the committed provisioning (datasource uid and dashboards folder) and the dashboards,
    /// its datasource pointed at the Prometheus container over the container network.
    /// </summary>
    public static IResourceBuilder<ContainerResource> AddGrafanaContainer(this IDistributedApplicationBuilder builder,
        IResourceBuilder<ContainerResource> prometheus)
    {
        ArgumentNullException.ThrowIfNull(prometheus);
        var monitoring = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "monitoring", "grafana"));
        var port = int.TryParse(builder.Configuration[GrafanaPortSetting], out var p) && p > 0 ? p : 3000;
        var password = builder.AddParameter("grafana-admin-password", new GenerateParameterDefault { MinLength = 24, Special = false },
            secret: true, persist: true);
        return builder.AddContainer("grafana", GrafanaImage, GrafanaTag)
            .WithImageRegistry("docker.io")
            .WithBindMount(Path.Combine(monitoring, "provisioning"), "/etc/grafana/provisioning", isReadOnly: true)
            .WithBindMount(Path.Combine(monitoring, "dashboards"), "/var/lib/grafana/dashboards/zodiacore", isReadOnly: true)
            .WithVolume("zodiacore-grafana-data", "/var/lib/grafana")
            .WithEnvironment("ZODIACORE_GRAFANA_DASHBOARDS", "/var/lib/grafana/dashboards/zodiacore")
            .WithEnvironment("ZODIACORE_PROMETHEUS_URL", prometheus.GetEndpoint("http"))
            .WithEnvironment("GF_SECURITY_ADMIN_USER", "admin")
            .WithEnvironment("GF_SECURITY_ADMIN_PASSWORD", password)
            .WithEnvironment("GF_ANALYTICS_REPORTING_ENABLED", "false")
            .WithEnvironment("GF_ANALYTICS_CHECK_FOR_UPDATES", "false")
            .WithHttpEndpoint(port: port, targetPort: 3000, name: "http")
            .WithExternalHttpEndpoints()
            .WithHttpHealthCheck("/api/health")
            .WaitFor(prometheus);
    }

    /// <summary>
    /// Copies the mounted (read-only) configuration to the data volume, writes one target file per job from the
    /// ZODIACORE_TARGET_* variables, then becomes Prometheus.
    /// </summary>
    public static string StartScript(IReadOnlyDictionary<string, List<string>> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var script = new StringBuilder()
            .Append("set -e; ")
            .Append(CultureInfo.InvariantCulture, $"rm -rf {WorkingConfig}; mkdir -p {WorkingConfig}/targets; ")
            .Append(CultureInfo.InvariantCulture, $"cp -r {ConfigMount}/prometheus.yml {ConfigMount}/rules {WorkingConfig}/; ");
        foreach (var (job, variables) in jobs)
        {
            var targets = string.Join(",", variables.Select(v => $"\\\"${{{v}}}\\\""));
            script.Append(CultureInfo.InvariantCulture,
                $"echo \"[{{\\\"targets\\\": [{targets}], \\\"labels\\\": {{}}}}]\" > {WorkingConfig}/targets/{job}.json; ");
        }

        return script
            .Append(CultureInfo.InvariantCulture, $"exec /bin/prometheus --config.file={WorkingConfig}/prometheus.yml ")
            .Append("--storage.tsdb.path=/prometheus/data --storage.tsdb.retention.time=15d ")
            .Append("--web.listen-address=:9090 --web.enable-lifecycle")
            .ToString();
    }
}
