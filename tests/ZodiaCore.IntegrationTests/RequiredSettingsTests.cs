using System.Diagnostics;

namespace ZodiaCore.IntegrationTests;

/// <summary>A service started without a setting it requires stops at once and says which.</summary>
public sealed class RequiredSettingsTests
{
    [Fact]
    public async Task Gateway_in_production_without_a_management_port_exits_non_zero_naming_the_setting()
    {
        var dll = FindServiceAssembly("Gateway", "ZodiaCore.Gateway.dll");
        var data = Directory.CreateTempSubdirectory("zodiacore-settings-").FullName;
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ZODIACORE_DATA_DIR"] = data;
        start.Environment.Remove("ZODIACORE_MANAGEMENT_PORT");

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            Directory.Delete(data, recursive: true);
        }

        Assert.Equal(78, process.ExitCode);
        var message = await stderr;
        Assert.Contains("ZODIACORE_MANAGEMENT_PORT is missing", message, StringComparison.Ordinal);
        Assert.Contains("cannot start", message, StringComparison.Ordinal);
    }

    /// <summary>The service's build output for the configuration these tests were built with.</summary>
    private static string FindServiceAssembly(string project, string assembly)
    {
        var testDirectory = AppContext.BaseDirectory; // …/tests/ZodiaCore.IntegrationTests/bin/<Configuration>/net10.0/
        var configuration = new DirectoryInfo(testDirectory).Parent!.Name;
        var repository = Path.GetFullPath(Path.Combine(testDirectory, "..", "..", "..", "..", ".."));
        var path = Path.Combine(repository, project, "bin", configuration, "net10.0", assembly);
        Assert.True(File.Exists(path), $"{path} was not built");
        return path;
    }
}
