using Yarp.ReverseProxy.Configuration;

// Usage: DESTINATION=http://127.0.0.1:PORT ASPNETCORE_URLS=http://127.0.0.1:PORT dotnet BareProxy.dll
var destination = Environment.GetEnvironmentVariable("DESTINATION")
    ?? throw new InvalidOperationException("Set DESTINATION to the ChartService base address.");

var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddReverseProxy().LoadFromMemory(
    [new RouteConfig { RouteId = "charts", ClusterId = "charts", Match = new RouteMatch { Path = "/api/charts/{**rest}" } }],
    [new ClusterConfig
    {
        ClusterId = "charts",
        Destinations = new Dictionary<string, DestinationConfig>(StringComparer.Ordinal) { ["charts"] = new() { Address = destination } },
    }]);

var app = builder.Build();
app.MapReverseProxy();
app.Run();
