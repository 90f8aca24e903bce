using ZodiaCore.ChartService.Time;

namespace ZodiaCore.ChartService.Charts;

/// <summary>Body of <c>POST /api/charts/natal</c>.</summary>
public sealed record NatalChartRequest(BirthInput? Birth, LocationInput? Location, ChartOptions? Options = null);

public sealed record LocationInput(double? Latitude, double? Longitude, double? Altitude = null, string? Name = null);

/// <summary>Every option may be left out; defaults are Placidus, tropical, true node, the fourteen default bodies and the five major aspects.</summary>
// Orbs: Orb in degrees per aspect kind, e.g. <c>{ "conjunction": 10 }</c>.
// PolarHouses: "porphyry" (default), "wholeSign" or "error" where the house system fails near the poles.
public sealed record ChartOptions(
    string? HouseSystem = null,
    string? Zodiac = null,
    string? Ayanamsa = null,
    string? NodeType = null,
    IReadOnlyList<string>? Bodies = null,
    IReadOnlyList<string>? Aspects = null,
    IReadOnlyDictionary<string, double>? Orbs = null,
    string? PolarHouses = null,
    bool? Topocentric = null);
