using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ZodiaCore.Tests.Shared;

/// <summary>
/// A throwaway redis-server (apt redis-server) on a free loopback port, for the tests that need a real one; linked
/// into each test project that uses it.
/// </summary>
public sealed class RedisServerProcess : IDisposable
{
    public const string Executable = "/usr/bin/redis-server";

    private readonly Process process;

    private RedisServerProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Starts one and waits until it listens; null where redis-server is not installed.</summary>
    public static async Task<RedisServerProcess?> StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Executable))
        {
            return null;
        }

        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        return await LaunchAsync(port, cancellationToken);
    }

    /// <summary>A new, empty server on the same port, as after a restart without persistence (call <see cref="Stop"/> first).</summary>
    public Task<RedisServerProcess> StartAgainAsync(CancellationToken cancellationToken) => LaunchAsync(Port, cancellationToken);

    private static async Task<RedisServerProcess> LaunchAsync(int port, CancellationToken cancellationToken)
    {
        var process = Process.Start(new ProcessStartInfo(Executable,
            ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var server = new RedisServerProcess(process, port);
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }

        server.Dispose();
        throw new InvalidOperationException("redis-server did not start listening within 5 s.");
    }

    /// <summary>Kills the server (an outage, as far as its clients can tell).</summary>
    public void Stop()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit(5000);
        }
    }

    public void Dispose()
    {
        Stop();
        process.Dispose();
    }
}
