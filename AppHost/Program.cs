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
    .WithStores(infrastructure);

var charts = builder.AddProject<Projects.ChartService>("charts", "http")
    .WithZodiaCoreDefaults(dataDirectory, encryptionKey)
    .WithStores(infrastructure)
    .WithReference(identity);

var interpretation = builder.AddProject<Projects.InterpretationService>("interpretation", "http")
    .WithZodiaCoreDefaults(dataDirectory, encryptionKey)
    .WithStores(infrastructure)
    .WithReference(identity)
    .WithReference(charts).WaitFor(charts);

identity.WithReference(charts).WithReference(interpretation);

// Gateway: the one public entry.
var gateway = builder.AddProject<Projects.Gateway>("gateway", "http")
    .WithZodiaCoreDefaults(dataDirectory, encryptionKey)
    .WithGatewayPort()
    .WithReference(identity).WaitFor(identity)
    .WithReference(charts).WaitFor(charts)
    .WithReference(interpretation).WaitFor(interpretation);
if (infrastructure.Redis is { } redis)
{
    gateway.WithReference(redis).WaitFor(redis);
}

// Monitoring: Prometheus over every service, scraping the endpoints allocated at start.
var prometheusConfig = builder.AddPrometheusTargets(dataDirectory, gateway, identity, charts, interpretation);
var prometheus = infrastructure.Mode == InfrastructureMode.Local ? builder.AddLocalPrometheus(prometheusConfig) : null;

builder.PrintEntryPoints(gateway, prometheus);

builder.Build().Run();
