namespace ZodiaCore.ChartService.Ephemeris;

/// <summary>One body as the library returns it: ecliptic longitude/latitude (deg), distance (AU), speed (deg/day).</summary>
public readonly record struct BodyPosition(double Longitude, double Latitude, double Distance, double Speed);
