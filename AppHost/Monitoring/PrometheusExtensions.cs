using Microsoft.Extensions.Configuration;
using System.Text.Json;
using System.Text.RegularExpressions;
using ZodiaCore.AppHost.Infrastructure;

namespace ZodiaCore.AppHost.Monitoring;

/// <summary>
/// Prometheus over the services: the committed configuration copied under the data directory, with one
/// file_sd target file per service written from the endpoints actually allocated at start.
/// </summary>
public static partial class PrometheusExtensions
{
    public const string PortSetting = "ZODIACORE_PROMETHEUS_PORT";

    /// <summary>
    /// Writes targets/&lt;job&gt;.json under the data directory's Prometheus folder once endpoints are known;
    /// the job is the resource name without a replica suffix, so gateway replicas share the "gateway" job.
    /// </summary>
    public static string AddPrometheusTargets(this IDistributedApplicationBuilder builder, string dataDirectory,
        IEnumerable<IResourceBuilder<ProjectResource>> services)
    {
        var source = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "monitoring"));
        var target = Directory.CreateDirectory(Path.Combine(dataDirectory, "prometheus")).FullName;
        CopyConfiguration(source, target, builder.Configuration["ZodiaCore:Prometheus:ScrapeInterval"]);
        var targets = Directory.CreateDirectory(Path.Combine(target, "targets")).FullName;
        foreach (var job in services.GroupBy(s => JobName(s.Resource.Name)))
        {
            var endpoints = job.Select(s => s.GetEndpoint("http")).ToList();
            foreach (var service in job)
            {
                builder.Eventing.Subscribe<ResourceEndpointsAllocatedEvent>(service.Resource, (_, _) =>
                {
                    WriteTargets(Path.Combine(targets, $"{job.Key}.json"), endpoints.Where(e => e.IsAllocated));
                    return Task.CompletedTask;
                });
            }
        }

        return target;
    }

    /// <summary>"gateway-2" → "gateway": replicas are instances of one job.</summary>
    public static string JobName(string resourceName) => ReplicaSuffix().Replace(resourceName, "");

    private static void WriteTargets(string file, IEnumerable<EndpointReference> endpoints)
    {
        var json = JsonSerializer.Serialize(new[]
        {
            new { targets = endpoints.Select(e => $"{e.Host}:{e.Port}").ToArray(), labels = new Dictionary<string, string>() },
        });
        // Prometheus re-reads file_sd files when they change; a whole-file move means it never sees half of one.
        var temporary = $"{file}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, json);
        File.Move(temporary, file, overwrite: true);
    }

    /// <summary>Prometheus from PATH (apt prometheus) on ZODIACORE_PROMETHEUS_PORT (9090), when it is installed.</summary>
    public static IResourceBuilder<ExecutableResource>? AddLocalPrometheus(this IDistributedApplicationBuilder builder, string configDirectory)
    {
        if (ExecutableLookup.Find("prometheus") is not { } command)
        {
            return null;
        }

        var port = int.TryParse(builder.Configuration[PortSetting], out var p) ? p : 9090;
        var storage = Directory.CreateDirectory(Path.Combine(configDirectory, "data")).FullName;
        var prometheus = builder.AddExecutable("prometheus", command, configDirectory);
        var endpoint = prometheus.WithHttpEndpoint(name: "http").WithDirectEndpoint("http", port == 0 ? null : port).GetEndpoint("http");
        return prometheus
            .WithArgs(context =>
            {
                context.Args.Add($"--config.file={Path.Combine(configDirectory, "prometheus.yml")}");
                context.Args.Add($"--storage.tsdb.path={storage}");
                context.Args.Add("--storage.tsdb.retention.time=2d");
                context.Args.Add(ReferenceExpression.Create($"--web.listen-address=127.0.0.1:{endpoint.Property(EndpointProperty.TargetPort)}"));
                context.Args.Add("--web.enable-lifecycle");
            })
            .WithHttpHealthCheck("/-/ready");
    }

    private static void CopyConfiguration(string source, string target, string? scrapeInterval)
    {
        if (!File.Exists(Path.Combine(source, "prometheus.yml")))
        {
            return;
        }

        var config = File.ReadAllText(Path.Combine(source, "prometheus.yml"));
        if (!string.IsNullOrWhiteSpace(scrapeInterval))
        {
            config = IntervalSetting().Replace(config, m => $"{m.Groups[1].Value}{scrapeInterval}");
        }

        File.WriteAllText(Path.Combine(target, "prometheus.yml"), config);
        var rules = Path.Combine(source, "rules");
        if (Directory.Exists(rules))
        {
            var rulesTarget = Directory.CreateDirectory(Path.Combine(target, "rules")).FullName;
            foreach (var file in Directory.GetFiles(rules, "*.yml"))
            {
                File.Copy(file, Path.Combine(rulesTarget, Path.GetFileName(file)), overwrite: true);
            }
        }
    }

    [GeneratedRegex(@"-\d+$")]
    private static partial Regex ReplicaSuffix();

    [GeneratedRegex(@"^(\s*(?:scrape_interval|evaluation_interval):\s*)\S+", RegexOptions.Multiline)]
    private static partial Regex IntervalSetting();
}
