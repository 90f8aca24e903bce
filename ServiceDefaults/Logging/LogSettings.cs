using Microsoft.Extensions.Configuration;
using Serilog.Events;

namespace ZodiaCore.ServiceDefaults.Logging;

/// <summary>LOG_LEVEL, LOG_MAX_SIZE_MB, LOG_MAX_FILES and LOG_ASYNC, with the operations guide's defaults.</summary>
public sealed record LogSettings(LogEventLevel Level, long MaxFileBytes, int MaxFiles, bool Async = true)
{
    public static LogSettings From(IConfiguration configuration)
    {
        var level = ParseLevel(configuration["LOG_LEVEL"]);
        var sizeMb = int.TryParse(configuration["LOG_MAX_SIZE_MB"], out var mb) && mb > 0 ? mb : 100;
        var files = int.TryParse(configuration["LOG_MAX_FILES"], out var n) && n > 0 ? n : 10;
        var async = !bool.TryParse(configuration["LOG_ASYNC"], out var asyncSetting) || asyncSetting;
        return new LogSettings(level, sizeMb * 1024L * 1024L, files, async);
    }

    public static LogEventLevel ParseLevel(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "trace" or "verbose" => LogEventLevel.Verbose,
        "debug" => LogEventLevel.Debug,
        "warn" or "warning" => LogEventLevel.Warning,
        "error" => LogEventLevel.Error,
        "fatal" or "critical" => LogEventLevel.Fatal,
        _ => LogEventLevel.Information,
    };
}
