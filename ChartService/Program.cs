using ZodiaCore.ChartService.Apis;
using ZodiaCore.ChartService.Extensions;
using ZodiaCore.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddChartEngine();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapChartsApi();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory tests.</summary>
public partial class Program;
