using System.Globalization;
using System.Text.RegularExpressions;

namespace ZodiaCore.IdentityService.Accounts;

/// <summary>The user's birth moment, shaped like ChartService's natal request <c>birth</c> object.</summary>
public sealed record BirthDetails(
    string? Date = null,
    string? Time = null,
    string? TimeZone = null,
    string? UtcOffset = null,
    string? Utc = null,
    string? Disambiguation = null,
    bool? TimeUnknown = null);

/// <summary>The birth place, shaped like ChartService's natal request <c>location</c> object.</summary>
public sealed record LocationDetails(double? Latitude, double? Longitude, double? Altitude = null, string? Name = null);

/// <summary>Shape checks for stored birth data; ChartService does the full time-zone resolution when charting.</summary>
public static partial class BirthProfileValidation
{
    public const int MaxPlaceNameLength = 200;

    public static void Check(BirthDetails birth, string prefix, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(birth);
        ArgumentNullException.ThrowIfNull(errors);
        if (birth.Utc is not null)
        {
            if (!DateTimeOffset.TryParse(birth.Utc, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                || !UtcPattern().IsMatch(birth.Utc))
            {
                errors[$"{prefix}.utc"] = ["Expected an ISO-8601 instant such as 1990-05-15T13:30:00Z."];
            }

            return;
        }

        if (birth.Date is null || !DateOnly.TryParseExact(birth.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors[$"{prefix}.date"] = ["Expected a date as yyyy-MM-dd (or give birth.utc)."];
        }

        if (birth.Time is not null
            && !TimeOnly.TryParseExact(birth.Time, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors[$"{prefix}.time"] = ["Expected a time as HH:mm or HH:mm:ss."];
        }

        if (birth.TimeZone is null && birth.UtcOffset is null)
        {
            errors[$"{prefix}.timeZone"] = ["Give an IANA time zone (e.g. Europe/London) or birth.utcOffset."];
        }
        else if (birth.TimeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(birth.TimeZone, out _))
        {
            errors[$"{prefix}.timeZone"] = ["Unknown IANA time zone."];
        }

        if (birth.UtcOffset is not null && !OffsetPattern().IsMatch(birth.UtcOffset))
        {
            errors[$"{prefix}.utcOffset"] = ["Expected an offset such as +05:30 or -08:00."];
        }

        if (birth.Disambiguation is not null and not ("earlier" or "later"))
        {
            errors[$"{prefix}.disambiguation"] = ["Expected \"earlier\" or \"later\"."];
        }
    }

    public static void Check(LocationDetails location, string prefix, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(errors);
        if (location.Latitude is not { } latitude || double.IsNaN(latitude) || latitude is < -90 or > 90)
        {
            errors[$"{prefix}.latitude"] = ["Latitude is required, between -90 and 90."];
        }

        if (location.Longitude is not { } longitude || double.IsNaN(longitude) || longitude is < -180 or > 180)
        {
            errors[$"{prefix}.longitude"] = ["Longitude is required, between -180 and 180."];
        }

        // ChartService's range, so that a stored birth place can be charted as it is.
        if (location.Altitude is { } altitude && (!double.IsFinite(altitude) || altitude is < -500 or > 20000))
        {
            errors[$"{prefix}.altitude"] = ["Altitude is in metres, between -500 and 20000."];
        }

        if (location.Name is { } name
            && (name.Length > MaxPlaceNameLength || name.Any(c => c is '<' or '>' || char.IsControl(c))))
        {
            errors[$"{prefix}.name"] = [$"A place name has at most {MaxPlaceNameLength} characters and no markup."];
        }
    }

    [GeneratedRegex(@"^[+-](0\d|1[0-4]):[0-5]\d$")]
    private static partial Regex OffsetPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex UtcPattern();
}
