namespace ZodiaCore.ChartService.Charts;

/// <summary>A validated place: latitude north positive, longitude east positive, altitude in metres.</summary>
public readonly record struct ChartLocation(double Latitude, double Longitude, double Altitude)
{
    /// <summary>The same limit IdentityService puts on a stored birth place, so a profile's place can be charted as it is.</summary>
    public const int MaxNameLength = 200;

    public static ChartLocation Parse(LocationInput? input, string field, IDictionary<string, string[]> errors)
    {
        if (input is null)
        {
            errors[field] = ["The location (latitude, longitude) is required."];
            return default;
        }

        if (input.Latitude is not { } latitude || !double.IsFinite(latitude) || latitude < -90 || latitude > 90)
        {
            errors[$"{field}.latitude"] = ["Latitude must be a number of degrees between -90 and 90 (north positive)."];
            latitude = 0;
        }

        if (input.Longitude is not { } longitude || !double.IsFinite(longitude) || longitude < -180 || longitude > 180)
        {
            errors[$"{field}.longitude"] = ["Longitude must be a number of degrees between -180 and 180 (east positive)."];
            longitude = 0;
        }

        var altitude = input.Altitude ?? 0;
        if (!double.IsFinite(altitude) || altitude < -500 || altitude > 20000)
        {
            errors[$"{field}.altitude"] = ["Altitude must be between -500 and 20000 metres."];
            altitude = 0;
        }

        // The name is not used to compute, but a saved chart keeps it and shows it back: bounded, and no markup or
        // control characters (IdentityService's rule for a birth place).
        if (input.Name is { } name && (name.Length > MaxNameLength || name.Any(c => c is '<' or '>' || char.IsControl(c))))
        {
            errors[$"{field}.name"] = [$"A place name has at most {MaxNameLength} characters and no markup or control characters."];
        }

        return new ChartLocation(latitude, longitude, altitude);
    }
}
