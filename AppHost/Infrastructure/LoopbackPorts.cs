using System.Net;
using System.Net.Sockets;

namespace ZodiaCore.AppHost.Infrastructure;

/// <summary>
/// Endpoints here are not proxied: a stopped service then refuses connections, so callers learn at once
/// that it is down (the gateway answers 503) instead of waiting on a proxy with nobody behind it. Without
/// the proxy, each endpoint needs a real port chosen up front.
/// </summary>
public static class LoopbackPorts
{
    /// <summary>A port free on the loopback interface right now.</summary>
    public static int FindFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Serves the endpoint directly on <paramref name="port"/> (a free one when null).</summary>
    public static IResourceBuilder<T> WithDirectEndpoint<T>(this IResourceBuilder<T> resource, string name, int? port = null)
        where T : IResourceWithEndpoints =>
        resource.WithEndpoint(name, endpoint =>
        {
            var chosen = port ?? FindFree();
            endpoint.IsProxied = false;
            endpoint.Port = chosen;
            endpoint.TargetPort = chosen;
        });
}
