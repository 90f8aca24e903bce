using ZodiaCore.AppHost;
using ZodiaCore.AppHost.Infrastructure;
using ZodiaCore.AppHost.Monitoring;
using ZodiaCore.AppHost.Secrets;

var builder = DistributedApplication.CreateBuilder(args);

// Infrastructure: containers where an engine answers, local processes or the embedded store elsewhere.
var dataDirectory = builder.ResolveDataDirectory();
var infrastructure = builder.AddZodiaCoreInfrastructure(dataDirectory);
var encryptionKey = builder.AddEncryptionKey(dataDirectory);

// Services. Identity calls charts and interpretation (export, cascade delete) while they need identity's
// keys, so identity references them without waiting, and they fetch the JWKS lazily.
var identity = builder.AddProject<Projects.IdentityService>("identity", "http")
    .WithZodiaCoreDefaults(dataDirectory, encryptionKey)
    .WithStores(infrastructure)
    .WithBootstrapAdmin();

var charts = builder.AddProject<Projects.ChartService>("charts", "http")
    .WithZodiaCoreDefaults(dataDirectory, encryptionKey)
    .WithStores(infrastructure)
    .WithReference(identity);

var interpretation = builder.AddProject<Projects.InterpretationService>("interpretation", "http")
    .WithZodiaCoreDefaults(dataDirectory, encryptionKey)
    .WithStores(infrastructure)
    .WithAiProviderKeys()
    .WithReference(identity)
    .WithReference(charts).WaitFor(charts);

identity.WithReference(charts).WithReference(interpretation);

// Gateway: the one public entry. ZodiaCore:GatewayReplicas > 1 adds replicas that share their rate limits
// through Redis, as production replicas do.
var gateways = builder.AddGateways(dataDirectory, encryptionKey, infrastructure, identity, charts, interpretation);

// Monitoring: Prometheus over every service, scraping the endpoints allocated at start.
var prometheusConfig = builder.AddPrometheusTargets(dataDirectory, [.. gateways, identity, charts, interpretation]);
IResourceBuilder<IResourceWithEndpoints>? prometheus = null, grafana = null;
if (infrastructure.Mode == InfrastructureMode.Local && builder.AddLocalPrometheus(prometheusConfig) is { } local)
{
    prometheus = builder.CreateResourceBuilder<IResourceWithEndpoints>(local.Resource);
}
else if (infrastructure.Mode == InfrastructureMode.Containers)
{
    // Grafana is not packaged for Debian: outside containers mode the README shows how to point one at monitoring/grafana.
    var container = builder.AddPrometheusContainer(prometheusConfig, [.. gateways, identity, charts, interpretation]);
    prometheus = builder.CreateResourceBuilder<IResourceWithEndpoints>(container.Resource);
    grafana = builder.CreateResourceBuilder<IResourceWithEndpoints>(builder.AddGrafanaContainer(container).Resource);
}

builder.PrintEntryPoints(gateways[0], prometheus, grafana);

builder.Build().Run();
