namespace ZodiaCore.ChartService.Ephemeris;

/// <summary>Bound from the <c>Ephemeris</c> configuration section.</summary>
public sealed class EphemerisOptions
{
    public const string SectionName = "Ephemeris";

    public const string DefaultPath = "/usr/share/libswe/ephe";

    /// <summary>Folder holding the Swiss Ephemeris files (Debian package swe-standard-data).</summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>
    /// The libswe shared library to load, as a file name or path (e.g. <c>/opt/swisseph/libswe.so</c> for a build from
    /// source); unset tries the names of Debian's packages. Read once, when the service starts.
    /// </summary>
    public string? Library { get; set; }
}
