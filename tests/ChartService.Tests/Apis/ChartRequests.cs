namespace ZodiaCore.ChartService.Tests.Apis;

/// <summary>Request bodies shared by the endpoint tests.</summary>
internal static class ChartRequests
{
    public const string BirthDate = "1990-05-15";
    public const string PlaceName = "London";
    public const string Latitude = "51.5074";
    public const string Longitude = "-0.1278";

    public const string Natal = """
        {
          "birth": { "date": "1990-05-15", "time": "14:30:00", "timeZone": "Europe/London" },
          "location": { "latitude": 51.5074, "longitude": -0.1278, "altitude": 0, "name": "London" },
          "options": { "houseSystem": "placidus", "zodiac": "tropical", "ayanamsa": "lahiri",
                       "nodeType": "true", "bodies": null, "aspects": null, "orbs": null }
        }
        """;

    /// <summary>The natal request with a top-level name, as <c>POST /api/charts</c> takes it.</summary>
    public static string Saved(string name, string natal = Natal) =>
        "{ \"name\": " + System.Text.Json.JsonSerializer.Serialize(name) + "," + natal.TrimStart()[1..];

    /// <summary>A natal request no other test uses (the minute varies), so that its cache entry starts empty.</summary>
    public static string Distinct(int minute) =>
        Natal.Replace("14:30:00", $"14:{minute:00}:17", StringComparison.Ordinal);

    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
