using ZodiaCore.Gateway;
using ZodiaCore.Gateway.Docs;
using ZodiaCore.Gateway.Proxy;
using ZodiaCore.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();

app.UseGatewayPipeline();
app.MapDefaultEndpoints();
app.MapDocsAndSource();
app.MapGatewayProxy();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory tests.</summary>
public partial class Program;
