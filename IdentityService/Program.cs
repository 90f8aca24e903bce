var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "IdentityService");
app.Run();
