using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ZodiaCore.ChartService.Ephemeris;

/// <summary>Not ready without libswe; degraded (still answering, via Moshier) without the ephemeris files.</summary>
public sealed class EphemerisHealthCheck(SwissEphemeris ephemeris) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!SwissEphemeris.LibraryAvailable)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(SwissEphemeris.LibraryError));
        }

        var data = new Dictionary<string, object>
        {
            ["libraryVersion"] = SwissEphemeris.LibraryVersion,
            ["ephemerisPath"] = ephemeris.EphemerisPath,
        };

        return Task.FromResult(ephemeris.FilesPresent
            ? HealthCheckResult.Healthy("Swiss Ephemeris files in use.", data)
            : HealthCheckResult.Degraded(
                $"No Swiss Ephemeris files at {ephemeris.EphemerisPath}: charts use the Moshier fallback. Install apt package swe-standard-data or set Ephemeris:Path.",
                data: data));
    }
}
