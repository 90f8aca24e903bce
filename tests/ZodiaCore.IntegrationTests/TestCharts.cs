namespace ZodiaCore.IntegrationTests;

/// <summary>Chart requests for the tests that need many distinct charts: each birth year is another chart and cache key.</summary>
internal static class TestCharts
{
    private static readonly object Berlin = new { latitude = 52.52, longitude = 13.405, name = "Berlin" };

    public static object Natal(int year) => new { birth = Birth(year), location = Berlin };

    /// <summary>The body that saves <see cref="Natal"/> of <paramref name="year"/> under <paramref name="name"/>.</summary>
    public static object Saved(int year, string name) => new { name, birth = Birth(year), location = Berlin };

    /// <summary>Saves a chart for the account and returns its id.</summary>
    public static async Task<string> SaveAsync(HttpClient gateway, TestAccount account, int year, string name)
    {
        using var saved = await IdentityClient.SendAsync(gateway, HttpMethod.Post, "/api/charts", account.AccessToken, Saved(year, name));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        using var json = await FoundationTests.ReadJsonAsync(saved);
        return json.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Asks for a short overview of an inline chart, from the configured providers or the one named.</summary>
    public static Task<HttpResponseMessage> InterpretAsync(HttpClient gateway, TestAccount account, int year, string? provider = null) =>
        IdentityClient.SendAsync(gateway, HttpMethod.Post, "/api/interpretations", account.AccessToken,
            new { chart = Natal(year), sections = new[] { "overview" }, length = "short", provider });

    private static object Birth(int year) => new { date = $"{year}-06-21", time = "12:00:00", timeZone = "Europe/Berlin" };
}
