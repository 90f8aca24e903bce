using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ZodiaCore.Gateway.Tests.Caching;

/// <summary>The real gateway in process, its "charts" cluster pointed at a <see cref="FakeChartService"/>.</summary>
internal sealed class GatewayOverFakeCharts(Uri charts, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Identity:Issuer", "zodiacore-tests");
        builder.UseSetting("Identity:Audience", "zodiacore-tests");
        builder.UseSetting("Identity:JwksUrl", "http://127.0.0.1:9/.well-known/jwks.json");
        builder.UseSetting("services:charts:http:0", charts.ToString().TrimEnd('/'));
        builder.UseSetting("services:identity:http:0", "http://127.0.0.1:9");
        builder.UseSetting("services:interpretation:http:0", "http://127.0.0.1:9");
        builder.UseSetting("LOG_LEVEL", "warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }
}
