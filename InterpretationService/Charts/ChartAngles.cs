namespace ZodiaCore.InterpretationService.Charts;

/// <summary>ChartService's <c>angles</c>, each a longitude in degrees.</summary>
public sealed record ChartAngles(
    double Ascendant,
    double Midheaven,
    double? Descendant = null,
    double? ImumCoeli = null,
    double? Vertex = null);
