using ZodiaCore.ChartService.Ephemeris;

namespace ZodiaCore.ChartService.Tests.Ephemeris;

/// <summary>A temporary ephemeris folder, as an install holding only some of the files would have it; deleted on dispose.</summary>
internal sealed class EphemerisFolder : IDisposable
{
    private EphemerisFolder() => Path = Directory.CreateTempSubdirectory("zodiacore-ephe-").FullName;

    public string Path { get; }

    /// <summary>Links to some of the installed files, which libswe reads as the real ones.</summary>
    public static EphemerisFolder Linking(params string[] names)
    {
        var folder = new EphemerisFolder();
        foreach (var name in names)
        {
            File.CreateSymbolicLink(System.IO.Path.Combine(folder.Path, name), System.IO.Path.Combine(EphemerisOptions.DefaultPath, name));
        }

        return folder;
    }

    /// <summary>Empty files: only their names count.</summary>
    public static EphemerisFolder WithEmptyFiles(params string[] names)
    {
        var folder = new EphemerisFolder();
        foreach (var name in names)
        {
            File.WriteAllBytes(System.IO.Path.Combine(folder.Path, name), []);
        }

        return folder;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
