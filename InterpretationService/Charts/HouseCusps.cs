namespace ZodiaCore.InterpretationService.Charts;

/// <summary>ChartService's <c>houses</c>: the system asked for, the one actually used (polar fallback) and 12 cusp longitudes.</summary>
public sealed record HouseCusps(string System, string SystemUsed, IReadOnlyList<double> Cusps);
