using ZodiaCore.ChartService.Ephemeris;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace ZodiaCore.ChartService.Charts;

/// <summary>A computed natal chart. Field names are part of the public contract.</summary>
/// <remarks>
/// Never changed once built, and marked so: HybridCache then hands out the cached instance from memory instead of
/// deserialising (and decrypting) a copy on every hit.
/// </remarks>
[ImmutableObject(true)]
public sealed record ChartResponse(
    string ContentId,
    string Utc,
    string UtcOffset,
    double JulianDayUt,
    IReadOnlyList<BodyResponse> Bodies,
    HousesResponse? Houses,
    AnglesResponse? Angles,
    IReadOnlyList<AspectResponse> Aspects,
    ElementBalance Elements,
    ModalityBalance Modalities,
    MoonPhaseResponse? MoonPhase,
    ChartRulerResponse? ChartRuler,
    IReadOnlyList<PatternResponse> Patterns,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? AyanamsaValue,
    ChartMeta Meta,
    IReadOnlyList<ChartWarning> Warnings);

public sealed record BodyResponse(
    string Name,
    double Longitude,
    double Latitude,
    double Distance,
    double Speed,
    bool Retrograde,
    string Sign,
    double DegreeInSign,
    string Formatted,
    int? House,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Nakshatra = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Pada = null)
{
    /// <summary>A computed position as the API shows it: sign, degree in sign, and for a sidereal chart its nakshatra and pada.</summary>
    public static BodyResponse From(string name, BodyPosition position, bool sidereal, int? house)
    {
        var sign = Zodiac.SignIndex(position.Longitude);
        string? nakshatra = null;
        int? pada = null;
        if (sidereal)
        {
            (nakshatra, pada) = Nakshatras.Of(position.Longitude);
        }

        return new BodyResponse(
            name, position.Longitude, position.Latitude, position.Distance, position.Speed, position.Speed < 0, Zodiac.SignName(sign),
            position.Longitude - (30.0 * sign), Zodiac.Format(position.Longitude), house, nakshatra, pada);
    }
}

// Cusps: Twelve cusp longitudes, house 1 first.
public sealed record HousesResponse(string System, string SystemUsed, IReadOnlyList<double> Cusps);

public sealed record AnglesResponse(double Ascendant, double Midheaven, double Descendant, double ImumCoeli, double Vertex);

// Orb: Absolute distance from the exact angle, degrees.
// Applying: Null when a point's motion is not computed (the angles).
public sealed record AspectResponse(string First, string Second, string Kind, double Angle, double Separation, double Orb, bool? Applying);

public sealed record ElementBalance(int Fire, int Earth, int Air, int Water);

public sealed record ModalityBalance(int Cardinal, int Fixed, int Mutable);

// Angle: Moon's elongation east of the Sun, degrees.
// Illumination: Approximate lit fraction from the elongation, 0–1.
public sealed record MoonPhaseResponse(string Name, double Angle, double Illumination);

public sealed record ChartRulerResponse(string Body, string AscendantSign, string? Sign, int? House);

public sealed record PatternResponse(
    string Kind,
    IReadOnlyList<string> Bodies,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Apex = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sign = null);

/// <summary>
/// Every convention used, so a disputed chart can be explained. <c>Lilith</c> names the lunar apogees computed:
/// "meanApogee" (the body lilith), "osculatingApogee" (osculatingLilith), both comma-separated, or null when the chart holds neither.
/// </summary>
public sealed record ChartMeta(
    string HouseSystem,
    string? HouseSystemUsed,
    string PolarHouses,
    string Zodiac,
    string? Ayanamsa,
    double? AyanamsaValue,
    string NodeType,
    string? Lilith,
    bool Topocentric,
    int CalculationFlags,
    IReadOnlyList<string> Flags,
    double JulianDayUt,
    double DeltaTSeconds,
    string TimeScale,
    string UtcOffset,
    string TimeSource,
    string? TimeZone,
    string Calendar,
    bool LocalMeanTime,
    bool TimeUnknown,
    string EphemerisSource,
    string LibraryVersion);
