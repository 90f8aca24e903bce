using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using ZodiaCore.IdentityService.Downstream;

namespace ZodiaCore.IdentityService.Tests.Accounts;

/// <summary><c>Identity:UserDataDeadline</c>: read once at start, and by default short enough for the gateway in front.</summary>
public sealed class UserDataDeadlineTests
{
    [Fact]
    public void The_default_deadline_ends_before_the_gateway_gives_up_on_identity()
    {
        // Otherwise a hung service would reach the caller as the gateway's bare 504 instead of identity's 503 problem
        // (export) or 202 (deletion left pending).
        using var settings = JsonDocument.Parse(File.ReadAllText(GatewaySettingsPath()));
        var timeout = settings.RootElement.GetProperty("ReverseProxy").GetProperty("Clusters").GetProperty("identity")
            .GetProperty("HttpRequest").GetProperty("ActivityTimeout").GetString()!;

        var deadline = UserDataServices.ReadDeadline(new ConfigurationBuilder().Build());

        Assert.Equal(UserDataServices.DefaultDeadline, deadline);
        Assert.True(deadline + TimeSpan.FromSeconds(2) <= TimeSpan.Parse(timeout, CultureInfo.InvariantCulture),
            $"deadline {deadline} against the gateway's {timeout}");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-00:00:05")]
    [InlineData("soon")]
    public void A_deadline_that_is_not_a_positive_time_span_stops_the_start(string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [UserDataServices.DeadlineSetting] = value })
            .Build();

        var error = Assert.Throws<InvalidOperationException>(() => UserDataServices.ReadDeadline(configuration));
        Assert.Contains(UserDataServices.DeadlineSetting, error.Message, StringComparison.Ordinal);
    }

    // The checkout's Gateway/appsettings.json, found upwards from the test's build folder.
    private static string GatewaySettingsPath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "Gateway", "appsettings.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("Gateway/appsettings.json is not above " + AppContext.BaseDirectory);
    }
}
