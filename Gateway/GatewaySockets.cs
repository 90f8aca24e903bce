namespace ZodiaCore.Gateway;

/// <summary>
/// Runs socket completions on the socket event threads (one per core) instead of queueing each to the thread pool.
/// A proxy does little between one socket operation and the next, so the hop to the pool is much of its cost: measured
/// here on the cache path, 1.20 × the requests per second and 0.79 × the p99 (BENCHMARKS.md, "Gateway socket
/// completions"). The price is that code after an awaited socket operation must not block, which holds for the gateway;
/// the services, which compute charts and interpretations between reads, keep the default.
/// </summary>
public static class GatewaySockets
{
    /// <summary>The runtime's switch; read once, when the first socket is used.</summary>
    public const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Turns inline completions on unless the environment already chose (set it to 0 to turn them off).</summary>
    public static void PreferInlineCompletions()
    {
        if (Environment.GetEnvironmentVariable(InlineCompletionsVariable) is null)
        {
            Environment.SetEnvironmentVariable(InlineCompletionsVariable, "1");
        }
    }
}
