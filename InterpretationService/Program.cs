using ZodiaCore.InterpretationService.Apis;
using ZodiaCore.InterpretationService.Extensions;
using ZodiaCore.ServiceDefaults;
using ZodiaCore.ServiceDefaults.Authentication;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddInterpretationServices();
builder.AddDefaultAuthentication();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapInterpretationsApi();
app.MapInternalApi();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory tests.</summary>
public partial class Program;
