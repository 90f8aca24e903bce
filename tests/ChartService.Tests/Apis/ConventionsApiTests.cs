using System.Net;
using System.Text.Json;

namespace ZodiaCore.ChartService.Tests.Apis;

public sealed class ConventionsApiTests(ChartApiFactory factory) : IClassFixture<ChartApiFactory>
{
    [Fact]
    public async Task Conventions_list_every_house_system_and_the_major_aspects_with_their_default_orbs()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/charts/conventions", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var houses = json.RootElement.GetProperty("houseSystems").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(11, houses.Count);
        Assert.Contains("placidus", houses);
        Assert.Contains("wholeSign", houses);
        var majors = json.RootElement.GetProperty("aspects").EnumerateArray()
            .Where(a => a.GetProperty("major").GetBoolean())
            .ToDictionary(a => a.GetProperty("name").GetString()!, a => a.GetProperty("defaultOrb").GetDouble());
        Assert.Equal(new Dictionary<string, double> { ["conjunction"] = 8, ["opposition"] = 8, ["trine"] = 8, ["square"] = 7, ["sextile"] = 6 }, majors);
        Assert.Equal(14, json.RootElement.GetProperty("defaultBodies").GetArrayLength());
    }

    [Fact]
    public async Task Conventions_give_the_years_of_the_installed_files_as_spans()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/charts/conventions", UriKind.Relative), TestContext.Current.CancellationToken);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(-5400, json.RootElement.GetProperty("minYear").GetInt32());
        Assert.Equal(5399, json.RootElement.GetProperty("maxYear").GetInt32());
        var span = Assert.Single(json.RootElement.GetProperty("supportedYears").EnumerateArray());
        Assert.Equal((-5400, 5399), (span.GetProperty("first").GetInt32(), span.GetProperty("last").GetInt32()));
    }
}
