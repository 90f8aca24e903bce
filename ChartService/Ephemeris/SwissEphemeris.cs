using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Options;
using ZodiaCore.ChartService.Time;

namespace ZodiaCore.ChartService.Ephemeris;

/// <summary>
/// The managed face of libswe: one instance per process (per ephemeris path). Every call first makes
/// sure the calling thread's library settings are the ones asked for.
/// </summary>
public sealed unsafe class SwissEphemeris
{
    public const string AptPackages = "libswe2.0 swe-standard-data";

    private static readonly Lazy<LibraryProbe> Library = new(ProbeLibrary);

    private readonly Lazy<bool> filesPresent;

    public SwissEphemeris(IOptions<EphemerisOptions> options)
        : this(ConfigureLibrary(options).Path)
    {
    }

    public SwissEphemeris(string ephemerisPath)
    {
        // Interned so the per-thread marker compares by reference.
        EphemerisPath = string.Intern(string.IsNullOrWhiteSpace(ephemerisPath) ? EphemerisOptions.DefaultPath : ephemerisPath);
        Years = EphemerisFiles.YearsCovered(EphemerisPath);
        filesPresent = new Lazy<bool>(ProbeFiles);
    }

    public string EphemerisPath { get; }

    /// <summary>The years the files in <see cref="EphemerisPath"/> cover, read once when this instance is made.</summary>
    public SupportedYears Years { get; }

    /// <summary>Whether libswe could be loaded at all.</summary>
    public static bool LibraryAvailable => Library.Value.Loaded;

    /// <summary>Why the library could not be loaded, with what to install.</summary>
    public static string? LibraryError => Library.Value.Error;

    /// <summary>The library's own version string, e.g. "2.10.03".</summary>
    public static string LibraryVersion => Library.Value.Version;

    /// <summary>Whether the Swiss Ephemeris files of <see cref="Years"/> answer (otherwise the library falls back to Moshier).</summary>
    public bool FilesPresent => LibraryAvailable && filesPresent.Value;

    public void PrepareThread(int siderealMode)
    {
        EphemerisThreadSettings.EnsurePath(EphemerisPath);
        if (siderealMode >= 0)
        {
            EphemerisThreadSettings.EnsureSiderealMode(siderealMode);
        }
    }

    public static void PrepareTopocentric(double longitude, double latitude, double altitude) =>
        EphemerisThreadSettings.EnsureTopocentric(longitude, latitude, altitude);

    /// <summary>swe_calc_ut; returns the library's flags (negative on error) and the position.</summary>
    public static int Calculate(double julianDayUt, Body body, int flags, out BodyPosition position)
    {
        double* xx = stackalloc double[6];
        byte* error = stackalloc byte[SwissEphNative.ErrorBufferSize];
        var rc = SwissEphNative.CalcUt(julianDayUt, BodyCatalog.SweId(body), flags, xx, error);
        position = new BodyPosition(xx[0], xx[1], xx[2], xx[3]);
        return rc;
    }

    /// <summary>swe_calc_ut keeping the error text, for the rare paths that report it.</summary>
    public static int Calculate(double julianDayUt, Body body, int flags, out BodyPosition position, out string? error)
    {
        double* xx = stackalloc double[6];
        byte* buffer = stackalloc byte[SwissEphNative.ErrorBufferSize];
        buffer[0] = 0;
        var rc = SwissEphNative.CalcUt(julianDayUt, BodyCatalog.SweId(body), flags, xx, buffer);
        position = new BodyPosition(xx[0], xx[1], xx[2], xx[3]);
        error = buffer[0] == 0 ? null : Marshal.PtrToStringUTF8((IntPtr)buffer);
        return rc;
    }

    /// <summary>swe_houses_ex: <paramref name="cusps"/> needs 13 slots (1-based), <paramref name="ascmc"/> 10.</summary>
    public static int Houses(double julianDayUt, int flags, double latitude, double longitude, char system, Span<double> cusps, Span<double> ascmc)
    {
        if (cusps.Length < 13 || ascmc.Length < 10)
        {
            throw new ArgumentException("cusps needs 13 and ascmc 10 elements.");
        }

        fixed (double* c = cusps)
        fixed (double* a = ascmc)
        {
            return SwissEphNative.HousesEx(julianDayUt, flags, latitude, longitude, system, c, a);
        }
    }

    public static double AyanamsaValue(double julianDayUt, int flags)
    {
        double value;
        byte* error = stackalloc byte[SwissEphNative.ErrorBufferSize];
        return SwissEphNative.GetAyanamsaExUt(julianDayUt, flags, &value, error) < 0 ? double.NaN : value;
    }

    /// <summary>True obliquity of the ecliptic (degrees) at the moment.</summary>
    public static double Obliquity(double julianDayUt)
    {
        double* xx = stackalloc double[6];
        byte* error = stackalloc byte[SwissEphNative.ErrorBufferSize];
        return SwissEphNative.CalcUt(julianDayUt, SweConstants.EclipticNutation, 0, xx, error) < 0 ? double.NaN : xx[0];
    }

    /// <summary>ΔT (TT − UT) in days, as swe_calc_ut applies it.</summary>
    public static double DeltaT(double julianDayUt, int flags)
    {
        byte* error = stackalloc byte[SwissEphNative.ErrorBufferSize];
        return SwissEphNative.DeltaTEx(julianDayUt, flags, error);
    }

    /// <summary>swe_julday on the Gregorian calendar, which is what <c>swetest -ut</c> uses.</summary>
    public static double JulianDay(int year, int month, int day, double hour) =>
        SwissEphNative.JulDay(year, month, day, hour, SweConstants.GregorianCalendar);

    // Before the path is used: the first library call binds the P/Invokes for the process.
    private static EphemerisOptions ConfigureLibrary(IOptions<EphemerisOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        SwissEphNative.UseLibrary(options.Value.Library);
        return options.Value;
    }

    private bool ProbeFiles()
    {
        if (!Years.FromEphemerisFiles)
        {
            return false;
        }

        // A date the files claim to cover: J2000 unless a partial install leaves it out.
        var year = Years.Contains(2000) ? 2000 : Years.First + (EphemerisFiles.BlockYears / 2);
        var jd = JulianDay(year, 1, 1, 12.0);
        PrepareThread(-1);
        return AnswersFromFiles(jd, Body.Sun) && AnswersFromFiles(jd, Body.Moon);
    }

    private static bool AnswersFromFiles(double julianDayUt, Body body)
    {
        var rc = Calculate(julianDayUt, body, SweConstants.FlagSwissEphemeris | SweConstants.FlagSpeed, out _);
        return rc >= 0 && (rc & SweConstants.FlagSwissEphemeris) != 0;
    }

    private static LibraryProbe ProbeLibrary()
    {
        SwissEphNative.EnsureResolver();
        foreach (var name in SwissEphNative.LibraryNames)
        {
            if (NativeLibrary.TryLoad(name, typeof(SwissEphNative).Assembly, null, out _))
            {
                try
                {
                    byte* buffer = stackalloc byte[SwissEphNative.ErrorBufferSize];
                    buffer[0] = 0;
                    SwissEphNative.Version(buffer);
                    var version = Marshal.PtrToStringUTF8((IntPtr)buffer) ?? "unknown";
                    return new LibraryProbe(true, version, null);
                }
                catch (EntryPointNotFoundException ex)
                {
                    return new LibraryProbe(false, "unavailable", $"{name} is not a usable Swiss Ephemeris library ({ex.Message}).");
                }
            }
        }

        var tried = new StringBuilder().AppendJoin(", ", SwissEphNative.LibraryNames);
        return new LibraryProbe(false, "unavailable",
            $"The Swiss Ephemeris library could not be loaded (tried {tried}). Install it: apt-get install {AptPackages}.");
    }

    private sealed record LibraryProbe(bool Loaded, string Version, string? Error);
}
