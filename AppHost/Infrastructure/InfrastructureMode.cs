using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace ZodiaCore.AppHost.Infrastructure;

/// <summary>Where Redis and MongoDB come from.</summary>
public enum InfrastructureMode
{
    /// <summary>Official container images, when a container engine answers.</summary>
    Containers,

    /// <summary>redis-server and mongod started as local processes; the embedded store where no mongod exists.</summary>
    Local,

    /// <summary>Connection strings given as configuration, as in production.</summary>
    External,
}

/// <summary>Chooses the mode: ZodiaCore:Infrastructure when set, else containers only if an engine answers.</summary>
public static class InfrastructureModeSelector
{
    public const string SettingName = "ZodiaCore:Infrastructure";

    public static InfrastructureMode Select(IConfiguration configuration)
    {
        var configured = configuration[SettingName];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Enum.TryParse<InfrastructureMode>(configured, ignoreCase: true, out var mode)
                ? mode
                : throw new InvalidOperationException($"{SettingName} must be containers, local or external, not '{configured}'.");
        }

        return ContainerEngineAnswers(configuration["ASPIRE_CONTAINER_RUNTIME"] ?? "docker") ? InfrastructureMode.Containers : InfrastructureMode.Local;
    }

    // A client without a daemon (docker installed, engine not running) must not count: `info` asks the engine.
    private static bool ContainerEngineAnswers(string runtime)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, "info --format {{.ServerVersion}}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed
        }
    }
}
