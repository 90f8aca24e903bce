using System.Reflection;
using System.Runtime.InteropServices;

namespace ZodiaCore.ChartService.Ephemeris;

/// <summary>
/// Raw entry points of Debian's libswe2.0. Every setting these functions change lives in the
/// library's thread-local storage, so callers go through <see cref="SwissEphemeris"/>.
/// </summary>
internal static unsafe partial class SwissEphNative
{
    // The runtime package ships only libswe.so.2; the unversioned name comes with libswe-dev.
    internal static readonly string[] CandidateNames = ["libswe.so.2", "libswe.so", "swe"];

    /// <summary>What the resolver tries: <see cref="CandidateNames"/>, or the one library configured (<see cref="UseLibrary"/>).</summary>
    internal static string[] LibraryNames { get; private set; } = CandidateNames;

    private const string Library = "swe";

    internal const int ErrorBufferSize = 256;

    static SwissEphNative()
    {
        NativeLibrary.SetDllImportResolver(typeof(SwissEphNative).Assembly, Resolve);
    }

    /// <summary>Forces the static constructor (and so the resolver) before any probe.</summary>
    internal static void EnsureResolver()
    {
    }

    /// <summary>Loads only <paramref name="library"/> (a file name or path) when set; must come before the first call.</summary>
    internal static void UseLibrary(string? library)
    {
        if (!string.IsNullOrWhiteSpace(library))
        {
            LibraryNames = [library];
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != Library)
        {
            return IntPtr.Zero;
        }

        foreach (var name in LibraryNames)
        {
            if (NativeLibrary.TryLoad(name, assembly, searchPath, out var handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }

    [LibraryImport(Library, EntryPoint = "swe_set_ephe_path", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void SetEphePath(string path);

    [LibraryImport(Library, EntryPoint = "swe_calc_ut")]
    internal static partial int CalcUt(double julianDayUt, int body, int flags, double* result, byte* error);

    [LibraryImport(Library, EntryPoint = "swe_houses_ex")]
    internal static partial int HousesEx(double julianDayUt, int flags, double latitude, double longitude, int system, double* cusps, double* ascmc);

    [LibraryImport(Library, EntryPoint = "swe_set_sid_mode")]
    internal static partial void SetSidMode(int mode, double t0, double ayanT0);

    [LibraryImport(Library, EntryPoint = "swe_set_topo")]
    internal static partial void SetTopo(double longitude, double latitude, double altitude);

    [LibraryImport(Library, EntryPoint = "swe_get_ayanamsa_ex_ut")]
    internal static partial int GetAyanamsaExUt(double julianDayUt, int flags, double* ayanamsa, byte* error);

    [LibraryImport(Library, EntryPoint = "swe_julday")]
    internal static partial double JulDay(int year, int month, int day, double hour, int calendar);

    [LibraryImport(Library, EntryPoint = "swe_deltat_ex")]
    internal static partial double DeltaTEx(double julianDayUt, int flags, byte* error);

    [LibraryImport(Library, EntryPoint = "swe_version")]
    internal static partial byte* Version(byte* buffer);
}
