using Microsoft.Extensions.Diagnostics.HealthChecks;
using ZodiaCore.ChartService.Ephemeris;

namespace ZodiaCore.ChartService.Tests.Ephemeris;

public sealed class EphemerisHealthCheckTests(PartialEphemerisInstall partial) : IClassFixture<PartialEphemerisInstall>
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
    public async Task Installed_files_name_the_years_they_cover()
    {
        var check = new EphemerisHealthCheck(new SwissEphemeris(EphemerisOptions.DefaultPath));

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal("-5400 to 5399", result.Data["supportedYears"]);
        Assert.Contains("-5400 to 5399", result.Description);
    }

    [Fact]
    public async Task A_partial_install_is_healthy_and_names_only_the_years_it_covers()
    {
        var check = new EphemerisHealthCheck(partial.Ephemeris);

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal("1800 to 2399", result.Data["supportedYears"]);
        Assert.Contains("1800 to 2399", result.Description);
    }

    [Fact]
    public async Task An_install_without_the_present_era_is_probed_in_the_years_it_has()
    {
        using var folder = EphemerisFolder.Linking("seplm06.se1", "semom06.se1");
        var check = new EphemerisHealthCheck(new SwissEphemeris(folder.Path));

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal("-600 to -1", result.Data["supportedYears"]);
    }

    [Fact]
    public void The_library_reports_its_version()
    {
        Assert.True(SwissEphemeris.LibraryAvailable);
        Assert.Matches(@"^\d+\.\d+", SwissEphemeris.LibraryVersion);
    }
}
