using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Ephemeris;
using ZodiaCore.FieldEncryption;

namespace ZodiaCore.ChartService.Tests;

/// <summary>One engine over the installed ephemeris files, shared by the tests.</summary>
internal static class Engine
{
    public static readonly SwissEphemeris Ephemeris = new(EphemerisOptions.DefaultPath);

    public static readonly ChartEngine Core = new(Ephemeris);

    /// <summary>Content ids under a key of this test run, as a service has one of its own.</summary>
    public static readonly ContentId ContentIds = new(new ContentHasher(new EncryptionKeyRing(EncryptionKey.Generate())));

    public static readonly NatalChartBuilder Builder = new(Core, ContentIds);
}
