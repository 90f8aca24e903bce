using Microsoft.Extensions.Diagnostics.HealthChecks;
using ZodiaCore.ChartService.Ephemeris;

namespace ZodiaCore.ChartService.Tests.Ephemeris;

public sealed class EphemerisHealthCheckTests
{
    [Fact]
    public async Task Missing_ephemeris_files_make_the_service_degraded_not_down()
    {
        var check = new EphemerisHealthCheck(new SwissEphemeris("/nonexistent/ephe"));

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("swe-standard-data", result.Description);
    }

    [Fact]
    public async Task Installed_files_make_the_service_healthy()
    {
        var check = new EphemerisHealthCheck(new SwissEphemeris(EphemerisOptions.DefaultPath));

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public void The_library_reports_its_version()
    {
        Assert.True(SwissEphemeris.LibraryAvailable);
        Assert.Matches(@"^\d+\.\d+", SwissEphemeris.LibraryVersion);
    }
}
