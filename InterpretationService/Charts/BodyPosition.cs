namespace ZodiaCore.InterpretationService.Charts;

/// <summary>One entry of ChartService's <c>bodies[]</c>.</summary>
/// <remarks>
/// <para><c>House</c>: 1–12; absent when the birth time is unknown.</para>
/// </remarks>
public sealed record BodyPosition(
    string Name,
    double Longitude,
    double Speed,
    bool Retrograde,
    ZodiacSign Sign,
    double DegreeInSign,
    string? Formatted = null,
    int? House = null,
    double? Latitude = null,
    double? Distance = null);
