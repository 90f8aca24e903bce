using System.Net;
using System.Text;
using System.Text.Json;
using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Tests.Apis;
using ZodiaCore.ChartService.Tests.Ephemeris;
using ZodiaCore.ChartService.Time;
using ZodiaCore.ChartService.Transits;

namespace ZodiaCore.ChartService.Tests.Charts;

public sealed class PartialEphemerisInstallTests(PartialEphemerisInstall install) : IClassFixture<PartialEphemerisInstall>
{
    private static readonly NatalChartRequest London = new(
        new BirthInput("1990-05-15", "14:30", "Europe/London"), new LocationInput(51.5074, -0.1278));

    [Theory]
    [InlineData("1700-05-15")]
    [InlineData("2400-01-01")]
    public void A_birth_date_outside_the_installed_files_is_refused_naming_their_years(string date)
    {
        var outcome = install.Builder.Build(London with { Birth = London.Birth! with { Date = date } });

        Assert.Null(outcome.Value);
        Assert.Contains("1800 to 2399", Assert.Single(outcome.Errors!["birth.date"]));
    }

    [Fact]
    public void A_birth_instant_outside_the_installed_files_is_refused_naming_their_years()
    {
        var outcome = install.Builder.Build(London with { Birth = new BirthInput(Utc: "2400-01-01T12:00:00Z") });

        Assert.Null(outcome.Value);
        Assert.Contains("1800 to 2399", Assert.Single(outcome.Errors!["birth.utc"]));
    }

    [Fact]
    public void A_local_time_on_the_last_installed_day_whose_instant_is_in_the_next_year_is_refused()
    {
        var outcome = install.Builder.Build(London with { Birth = new BirthInput("2399-12-31", "23:30", UtcOffset: "-01:00") });

        Assert.Null(outcome.Value);
        Assert.Contains("1800 to 2399", Assert.Single(outcome.Errors!["birth.date"]));
    }

    [Fact]
    public void A_birth_inside_the_installed_files_is_computed_from_them()
    {
        var chart = install.Builder.Build(London).Value!;

        Assert.Equal("swissEphemeris", chart.Meta.EphemerisSource);
        Assert.DoesNotContain(chart.Warnings, w => w.Code == WarningCodes.MoshierFallback);
        Assert.Contains(chart.Bodies, b => b.Name == "pluto");
    }

    [Fact]
    public void A_transit_moment_outside_the_installed_files_is_refused_naming_their_years()
    {
        var transits = new TransitCalculator(install.Builder, TimeProvider.System);

        var outcome = transits.Calculate(new TransitRequest(London, "2500-01-01T00:00:00Z"));

        Assert.Null(outcome.Value);
        Assert.Contains("1800 to 2399", Assert.Single(outcome.Errors!["at"]));
    }

    [Fact]
    public async Task The_API_answers_a_date_outside_the_configured_folder_s_files_with_a_validation_problem()
    {
        await using var factory = new ChartApiFactory { Settings = new Dictionary<string, string> { ["Ephemeris:Path"] = install.Path } };
        using var client = factory.CreateClient();
        const string body = """
            { "birth": { "date": "1700-05-15", "time": "14:30", "timeZone": "Europe/London" },
              "location": { "latitude": 51.5074, "longitude": -0.1278 } }
            """;

        using var response = await client.PostAsync(
            new Uri("/api/charts/natal", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var error = json.RootElement.GetProperty("errors").GetProperty("birth.date")[0].GetString();
        Assert.Contains("1800 to 2399", error);
    }
}
