namespace ZodiaCore.ChartService.Ephemeris;

/// <summary>Bound from the <c>Ephemeris</c> configuration section.</summary>
public sealed class EphemerisOptions
{
    public const string SectionName = "Ephemeris";

    public const string DefaultPath = "/usr/share/libswe/ephe";

    /// <summary>Folder holding the Swiss Ephemeris files (Debian package swe-standard-data).</summary>
    public string Path { get; set; } = DefaultPath;
}
