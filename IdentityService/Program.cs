using ZodiaCore.IdentityService.Apis;
using ZodiaCore.IdentityService.Extensions;
using ZodiaCore.ServiceDefaults;
using ZodiaCore.ServiceDefaults.Authentication;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIdentityServices();
builder.AddDefaultAuthentication();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapAuthApi();
app.MapUsersApi();
app.MapAdminApi();
app.MapWellKnownApi();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory tests.</summary>
public partial class Program;
