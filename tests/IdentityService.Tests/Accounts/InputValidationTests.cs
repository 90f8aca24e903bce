using ZodiaCore.IdentityService.Accounts;

namespace ZodiaCore.IdentityService.Tests.Accounts;

public class InputValidationTests
{
    [Theory]
    [InlineData("  Alice@Example.COM ", "alice@example.com")]
    [InlineData("bob+astro@mail.example.org", "bob+astro@mail.example.org")]
    public void An_email_is_trimmed_and_lower_cased(string input, string expected) =>
        Assert.Equal(expected, EmailAddress.Normalize(input, out _));

    [Theory]
    [InlineData("")]
    [InlineData("no-at-sign")]
    [InlineData("two@@example.com")]
    [InlineData("a@b")]
    [InlineData("Alice <alice@example.com>")]
    [InlineData("alice@example.com.")]
    [InlineData("al ice@example.com")]
    public void A_malformed_email_is_refused(string input)
    {
        Assert.Null(EmailAddress.Normalize(input, out var error));
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Bob & Alice")]
    [InlineData("line\nbreak")]
    public void A_display_name_with_markup_or_control_characters_is_refused(string input) =>
        Assert.Null(DisplayName.Normalize(input, out _));

    [Fact]
    public void A_display_name_longer_than_64_characters_is_refused() =>
        Assert.Null(DisplayName.Normalize(new string('x', 65), out _));

    [Fact]
    public void A_plain_display_name_is_trimmed() =>
        Assert.Equal("Zoë Stargazer", DisplayName.Normalize("  Zoë Stargazer ", out _));

    [Fact]
    public void Birth_data_with_a_local_time_needs_a_zone_or_an_offset()
    {
        var errors = new Dictionary<string, string[]>();

        BirthProfileValidation.Check(new BirthDetails("1990-05-15", "14:30"), "birth", errors);

        Assert.Contains("birth.timeZone", errors.Keys);
    }

    [Fact]
    public void Birth_data_fields_are_named_when_malformed()
    {
        var errors = new Dictionary<string, string[]>();

        BirthProfileValidation.Check(new BirthDetails("1990-13-40", "25:00", "Mars/Olympus", "+5"), "birth", errors);

        Assert.Equal(["birth.date", "birth.time", "birth.timeZone", "birth.utcOffset"], errors.Keys.Order().ToArray());
    }

    [Fact]
    public void Birth_data_as_a_utc_instant_is_accepted()
    {
        var errors = new Dictionary<string, string[]>();

        BirthProfileValidation.Check(new BirthDetails(Utc: "1990-05-15T13:30:00Z"), "birth", errors);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(-500, true)]
    [InlineData(20000, true)]
    [InlineData(-501, false)]
    [InlineData(20001, false)]
    [InlineData(double.PositiveInfinity, false)]
    public void A_birth_place_altitude_is_held_to_the_range_ChartService_charts(double altitude, bool accepted)
    {
        var errors = new Dictionary<string, string[]>();

        BirthProfileValidation.Check(new LocationDetails(51.5, -0.12, altitude), "location", errors);

        Assert.Equal(accepted ? [] : ["location.altitude"], errors.Keys.ToArray());
    }

    [Fact]
    public void A_location_outside_the_globe_is_refused()
    {
        var errors = new Dictionary<string, string[]>();

        BirthProfileValidation.Check(new LocationDetails(91, -181, Name: "<b>x</b>"), "location", errors);

        Assert.Equal(["location.latitude", "location.longitude", "location.name"], errors.Keys.Order().ToArray());
    }
}
