using System.Diagnostics;
using System.Text.Json;
using ZodiaCore.AppHost.Monitoring;

namespace ZodiaCore.IntegrationTests;

/// <summary>The AppHost's model in each infrastructure mode, built but not started (no container engine is needed for that).</summary>
public sealed class AppModelTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<IDistributedApplicationTestingBuilder> ModelAsync(string mode, string dataDirectory) =>
        await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [$"ZodiaCore:Infrastructure={mode}", $"ZODIACORE_DATA_DIR={dataDirectory}", "ZODIACORE_GATEWAY_PORT=0"], Ct);

    private static string Image(ContainerResource resource) =>
        resource.Annotations.OfType<ContainerImageAnnotation>().Single() is var image ? $"{image.Image}:{image.Tag}" : "";

    [Fact]
    public async Task Local_mode_holds_no_container_resource()
    {
        var data = Directory.CreateTempSubdirectory("zodiacore-model-").FullName;
        await using var builder = await ModelAsync("local", data);

        Assert.Empty(builder.Resources.OfType<ContainerResource>().Select(r => r.Name));
        Assert.Contains(builder.Resources, r => r.Name == "redis" && r is ExecutableResource);
        Assert.Contains(builder.Resources, r => r.Name == "prometheus" && r is ExecutableResource);
    }

    [Fact]
    public async Task Containers_mode_runs_redis_mongodb_prometheus_and_grafana_from_pinned_official_images()
    {
        var data = Directory.CreateTempSubdirectory("zodiacore-model-").FullName;
        await using var builder = await ModelAsync("containers", data);
        var containers = builder.Resources.OfType<ContainerResource>().ToDictionary(r => r.Name);

        Assert.Equal(["grafana", "mongodb", "prometheus", "redis"], containers.Keys.Order());
        Assert.StartsWith("mongo:", Image(containers["mongodb"]), StringComparison.Ordinal);
        Assert.Equal($"{ContainerMonitoringExtensions.PrometheusImage}:{ContainerMonitoringExtensions.PrometheusTag}", Image(containers["prometheus"]));
        Assert.Equal($"{ContainerMonitoringExtensions.GrafanaImage}:{ContainerMonitoringExtensions.GrafanaTag}", Image(containers["grafana"]));

        // Grafana gets the committed provisioning and dashboards, read-only, from folders that exist.
        var mounts = containers["grafana"].Annotations.OfType<ContainerMountAnnotation>().Where(m => m.Type == ContainerMountType.BindMount).ToList();
        Assert.Contains(mounts, m => m.Target == "/etc/grafana/provisioning" && m.IsReadOnly
            && File.Exists(Path.Combine(m.Source!, "datasources", "prometheus.yml")));
        Assert.Contains(mounts, m => m.Target == "/var/lib/grafana/dashboards/zodiacore" && m.IsReadOnly
            && Directory.GetFiles(m.Source!, "*.json").Length > 0);
    }

    [Fact]
    public async Task The_prometheus_container_start_script_writes_one_target_file_per_job_that_promtool_accepts()
    {
        var work = Directory.CreateTempSubdirectory("zodiacore-prom-script-").FullName;
        var mount = Directory.CreateDirectory(Path.Combine(work, "mount")).FullName;
        var monitoring = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "monitoring");
        File.Copy(Path.Combine(monitoring, "prometheus.yml"), Path.Combine(mount, "prometheus.yml"));
        Directory.CreateDirectory(Path.Combine(mount, "rules"));
        foreach (var rule in Directory.GetFiles(Path.Combine(monitoring, "rules"), "*.yml"))
        {
            File.Copy(rule, Path.Combine(mount, "rules", Path.GetFileName(rule)));
        }

        var jobs = new Dictionary<string, List<string>>
        {
            ["gateway"] = ["ZODIACORE_TARGET_GATEWAY_0", "ZODIACORE_TARGET_GATEWAY_1"],
            ["identity"] = ["ZODIACORE_TARGET_IDENTITY_0"],
            ["charts"] = ["ZODIACORE_TARGET_CHARTS_0"],
            ["interpretation"] = ["ZODIACORE_TARGET_INTERPRETATION_0"],
        };
        var script = ContainerMonitoringExtensions.StartScript(jobs);
        // The same script on this machine: folders moved under the temporary one, promtool in place of the server.
        var config = Path.Combine(work, "config");
        script = script[..script.IndexOf("exec /bin/prometheus", StringComparison.Ordinal)]
            .Replace("/etc/zodiacore", mount, StringComparison.Ordinal)
            .Replace("/prometheus/config", config, StringComparison.Ordinal)
            + $"exec promtool check config {config}/prometheus.yml";
        var start = new ProcessStartInfo("/bin/sh", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ZODIACORE_TARGET_GATEWAY_0"] = "host.docker.internal:5101";
        start.Environment["ZODIACORE_TARGET_GATEWAY_1"] = "host.docker.internal:5102";
        start.Environment["ZODIACORE_TARGET_IDENTITY_0"] = "host.docker.internal:5103";
        start.Environment["ZODIACORE_TARGET_CHARTS_0"] = "host.docker.internal:5104";
        start.Environment["ZODIACORE_TARGET_INTERPRETATION_0"] = "host.docker.internal:5105";

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(Ct) + await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);

        Assert.True(process.ExitCode == 0, output);
        using var gateway = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(config, "targets", "gateway.json"), Ct));
        Assert.Equal(["host.docker.internal:5101", "host.docker.internal:5102"],
            gateway.RootElement[0].GetProperty("targets").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(4, Directory.GetFiles(Path.Combine(config, "targets"), "*.json").Length);
        Directory.Delete(work, recursive: true);
    }
}
