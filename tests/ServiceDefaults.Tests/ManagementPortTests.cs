using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ZodiaCore.ServiceDefaults.Configuration;
using ZodiaCore.ServiceDefaults.Hosting;

namespace ZodiaCore.ServiceDefaults.Tests;

public sealed class ManagementPortTests
{
    [Fact]
    public async Task With_an_address_set_the_management_port_listens_on_that_address_only()
    {
        var port = FreePort();
        await using var app = Build(port, address: "127.0.0.1");
        await app.StartAsync(TestContext.Current.CancellationToken);

        Assert.Contains($"http://127.0.0.1:{port}", app.Urls);
        Assert.DoesNotContain(app.Urls, url => url.EndsWith($":{port}", StringComparison.Ordinal) && !url.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Without_an_address_the_management_port_listens_on_every_interface()
    {
        var port = FreePort();
        await using var app = Build(port, address: null);
        await app.StartAsync(TestContext.Current.CancellationToken);

        // Kestrel reports "every interface" as the IPv6 wildcard, or the IPv4 one where IPv6 is off.
        Assert.Contains(app.Urls, url => url == $"http://[::]:{port}" || url == $"http://0.0.0.0:{port}");
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_address_that_is_not_an_IP_address_is_named_among_the_setting_problems()
    {
        await using var app = Build(FreePort(), address: "metrics.internal");

        var problems = RequiredSettings.FindProblems(app.Configuration, app.Services.GetServices<RequiredSetting>());

        Assert.Contains(problems, p => p.StartsWith($"{ManagementPort.AddressSettingName} is invalid", StringComparison.Ordinal));
    }

    private static WebApplication Build(int port, string? address)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration[WebHostDefaults.ServerUrlsKey] = "http://127.0.0.1:0";
        builder.Configuration[ManagementPort.SettingName] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Configuration[ManagementPort.AddressSettingName] = address;
        builder.AddManagementPort();
        var app = builder.Build();
        app.MapGet("/", () => "ok");
        return app;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
