using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ZodiaCore.AppHost.Infrastructure;

/// <summary>
/// Healthy when the server accepts a connection and, if a greeting is given, answers it as expected
/// (Redis: PING → +PONG). WaitFor uses it so services start after their stores really listen.
/// </summary>
internal sealed class TcpHealthCheck(EndpointReference endpoint, string? send = null, string? expect = null) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!endpoint.IsAllocated)
        {
            return HealthCheckResult.Unhealthy("Endpoint not allocated yet");
        }

        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(endpoint.Host, endpoint.Port, cancellationToken);
            if (send is null || expect is null)
            {
                return HealthCheckResult.Healthy();
            }

            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(send), cancellationToken);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith(expect, StringComparison.Ordinal)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("Unexpected answer");
        }
        catch (SocketException e)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
        catch (IOException e)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}
