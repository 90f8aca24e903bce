using ZodiaCore.ChartService.Aspects;
using ZodiaCore.ChartService.Ephemeris;
using ZodiaCore.ChartService.Houses;

namespace ZodiaCore.ChartService.Charts;

/// <summary>What one chart computation needs, already validated and normalised.</summary>
public readonly record struct ChartFrameRequest(
    double JulianDayUt,
    double Latitude,
    double Longitude,
    double Altitude,
    Body[] Bodies,
    AspectRule[] AspectRules,
    HouseSystem HouseSystem = HouseSystem.Placidus,
    bool WithHouses = true,
    PolarHouses PolarHouses = PolarHouses.Porphyry,
    int SiderealMode = -1,
    bool Topocentric = false,
    uint AspectBodyMask = uint.MaxValue,
    bool AnglesInAspects = true);

/// <summary>
/// Reusable buffers for one computed chart: the hot path writes here and allocates nothing.
/// Points are the aspecting bodies followed by the Ascendant and MC.
/// </summary>
public sealed class ChartFrame
{
    public const int MaxPoints = BodyCatalog.Count + 2;

    public const int MaxAspects = MaxPoints * (MaxPoints - 1) / 2;

    private readonly Body[] bodies = new Body[BodyCatalog.Count];
    private readonly BodyPosition[] positions = new BodyPosition[BodyCatalog.Count];
    private readonly int[] returnFlags = new int[BodyCatalog.Count];
    private readonly double[] cusps = new double[13];
    private readonly double[] ascmc = new double[10];
    private readonly double[] pointLongitudes = new double[MaxPoints];
    private readonly double[] pointSpeeds = new double[MaxPoints];
    private readonly sbyte[] pointBody = new sbyte[MaxPoints];
    private readonly AspectHit[] aspects = new AspectHit[MaxAspects];

    public double JulianDayUt { get; internal set; }

    public int BodyCount { get; internal set; }

    public Span<Body> Bodies => bodies.AsSpan(0, BodyCount);

    public Span<BodyPosition> Positions => positions.AsSpan(0, BodyCount);

    /// <summary>swe_calc_ut's returned flags per body (negative: the body could not be computed).</summary>
    public Span<int> ReturnFlags => returnFlags.AsSpan(0, BodyCount);

    public bool HasHouses { get; internal set; }

    public HouseOutcome Houses { get; internal set; }

    /// <summary>1-based: index 1 … 12.</summary>
    public Span<double> Cusps => cusps;

    /// <summary>swe_houses ascmc: [0] Ascendant, [1] MC, [2] ARMC, [3] Vertex.</summary>
    public Span<double> AscMc => ascmc;

    public bool UsedMoshier { get; internal set; }

    public bool AnyBodyFailed { get; internal set; }

    public int PointCount { get; internal set; }

    public Span<double> PointLongitudes => pointLongitudes.AsSpan(0, PointCount);

    public Span<double> PointSpeeds => pointSpeeds.AsSpan(0, PointCount);

    /// <summary>Index into <see cref="Bodies"/> for each point; -1 Ascendant, -2 MC.</summary>
    public Span<sbyte> PointBody => pointBody.AsSpan(0, PointCount);

    public int AspectCount { get; internal set; }

    public Span<AspectHit> Aspects => aspects.AsSpan(0, AspectCount);

    internal Body[] BodyBuffer => bodies;

    internal BodyPosition[] PositionBuffer => positions;

    internal int[] FlagBuffer => returnFlags;

    internal double[] PointLongitudeBuffer => pointLongitudes;

    internal double[] PointSpeedBuffer => pointSpeeds;

    internal sbyte[] PointBodyBuffer => pointBody;

    internal AspectHit[] AspectBuffer => aspects;
}
