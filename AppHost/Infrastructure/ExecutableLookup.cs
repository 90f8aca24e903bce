namespace ZodiaCore.AppHost.Infrastructure;

/// <summary>Finds a program on PATH, so local mode starts only servers that really exist.</summary>
public static class ExecutableLookup
{
    public static string? Find(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }
}
