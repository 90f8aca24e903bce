using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ZodiaCore.ChartService.Ephemeris;

/// <summary>
/// Not ready without libswe; degraded (still answering, via Moshier) without the ephemeris files. Names the years the
/// files cover, since a partial install answers 400 outside them.
/// </summary>
public sealed class EphemerisHealthCheck(SwissEphemeris ephemeris) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!SwissEphemeris.LibraryAvailable)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(SwissEphemeris.LibraryError));
        }

        var years = ephemeris.Years.Description;
        var data = new Dictionary<string, object>
        {
            ["libraryVersion"] = SwissEphemeris.LibraryVersion,
            ["ephemerisPath"] = ephemeris.EphemerisPath,
            ["supportedYears"] = years,
        };

        return Task.FromResult(ephemeris.FilesPresent
            ? HealthCheckResult.Healthy($"Swiss Ephemeris files in use for the years {years}.", data)
            : HealthCheckResult.Degraded(
                $"No usable Swiss Ephemeris files (a planet and a moon file of the same years) at {ephemeris.EphemerisPath}: charts use the Moshier fallback for the years {years}. Install apt package swe-standard-data or set Ephemeris:Path.",
                data: data));
    }
}
