using Microsoft.Extensions.Configuration;

namespace ZodiaCore.ServiceDefaults.Hosting;

/// <summary>The one folder that holds embedded stores, development keys and logs (ZODIACORE_DATA_DIR).</summary>
public static class DataDirectory
{
    public const string SettingName = "ZODIACORE_DATA_DIR";

    /// <summary>The configured data directory, or .data under the working directory; created if missing.</summary>
    public static string Resolve(IConfiguration configuration)
    {
        var configured = configuration[SettingName];
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? ".data" : configured);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A sub-folder of the data directory, created if missing.</summary>
    public static string Resolve(IConfiguration configuration, params string[] parts)
    {
        var path = Path.Combine([Resolve(configuration), .. parts]);
        Directory.CreateDirectory(path);
        return path;
    }
}
