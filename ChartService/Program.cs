using ZodiaCore.ChartService.Apis;
using ZodiaCore.ChartService.Extensions;
using ZodiaCore.ServiceDefaults;
using ZodiaCore.ServiceDefaults.Authentication;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddChartServices();
builder.AddDefaultAuthentication();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapChartsApi();
app.MapConventionsApi();
app.MapSavedChartsApi();
app.MapInternalUsersApi();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory tests.</summary>
public partial class Program;
