using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Time;

namespace ZodiaCore.ChartService.Tests.Time;

public sealed class BirthMomentResolverTests
{
    // The years of Debian's swe-standard-data; the service reads them from the installed files.
    private static readonly SupportedYears FullInstall = new([new YearSpan(-5400, 5399)], true);

    private static readonly SupportedYears TwoBlocks = new([new YearSpan(-600, 599), new YearSpan(1800, 2399)], true);

    [Theory]
    [InlineData("Europe/London", "2021-03-28", "01:30", "2021-03-28T00:30:00Z", "2021-03-28T01:30:00Z")]
    [InlineData("America/New_York", "2021-03-14", "02:30", "2021-03-14T06:30:00Z", "2021-03-14T07:30:00Z")]
    public void A_local_time_skipped_by_spring_forward_lists_both_candidate_instants(string zone, string date, string time, string earlier, string later)
    {
        var result = Resolve(new BirthInput(date, time, zone));

        Assert.Null(result.Moment);
        Assert.Equal("skipped", result.Ambiguity!.Kind);
        Assert.Equal([earlier, later], result.Ambiguity.Candidates.Select(c => c.Utc));
        Assert.Equal(["earlier", "later"], result.Ambiguity.Candidates.Select(c => c.Disambiguation));
    }

    [Theory]
    [InlineData("Europe/London", "2021-10-31", "01:30", "2021-10-31T00:30:00Z", "2021-10-31T01:30:00Z")]
    [InlineData("America/New_York", "2021-11-07", "01:30", "2021-11-07T05:30:00Z", "2021-11-07T06:30:00Z")]
    public void A_local_time_repeated_by_fall_back_lists_both_candidate_instants(string zone, string date, string time, string earlier, string later)
    {
        var result = Resolve(new BirthInput(date, time, zone));

        Assert.Equal("ambiguous", result.Ambiguity!.Kind);
        Assert.Equal([earlier, later], result.Ambiguity.Candidates.Select(c => c.Utc));
    }

    [Theory]
    [InlineData("earlier", "2021-11-07T05:30:00Z", "-04:00")]
    [InlineData("later", "2021-11-07T06:30:00Z", "-05:00")]
    public void Disambiguation_picks_one_side_of_the_overlap_and_says_so(string choice, string utc, string offset)
    {
        var moment = Resolve(new BirthInput("2021-11-07", "01:30", "America/New_York", Disambiguation: choice)).Moment!;

        Assert.Equal(utc, BirthMomentResolver.FormatUtc(moment.Utc));
        Assert.Equal(offset, BirthMomentResolver.FormatOffset(moment.Offset));
        Assert.Contains(moment.Warnings, w => w.Code == WarningCodes.AmbiguousResolved);
    }

    [Fact]
    public void Disambiguation_of_a_skipped_time_is_reported_as_skipped()
    {
        var moment = Resolve(new BirthInput("2021-03-28", "01:30", "Europe/London", Disambiguation: "later")).Moment!;

        Assert.Equal("2021-03-28T01:30:00Z", BirthMomentResolver.FormatUtc(moment.Utc));
        Assert.Contains(moment.Warnings, w => w.Code == WarningCodes.SkippedResolved);
    }

    [Fact]
    public void A_birth_in_London_before_standard_time_uses_local_mean_time()
    {
        // Greenwich mean time came to London in December 1847; before that tzdb has LMT -0:01:15.
        var moment = Resolve(new BirthInput("1840-06-01", "12:00", "Europe/London")).Moment!;

        Assert.True(moment.IsLocalMeanTime);
        Assert.Equal("-00:01:15", BirthMomentResolver.FormatOffset(moment.Offset));
        Assert.Equal("1840-06-01T12:01:15Z", BirthMomentResolver.FormatUtc(moment.Utc));
        Assert.Contains(moment.Warnings, w => w.Code == WarningCodes.LocalMeanTime);
    }

    [Fact]
    public void A_birth_in_New_York_before_railway_time_uses_its_local_mean_time()
    {
        var moment = Resolve(new BirthInput("1850-01-01", "00:00", "America/New_York")).Moment!;

        Assert.True(moment.IsLocalMeanTime);
        Assert.Equal("-04:56:02", BirthMomentResolver.FormatOffset(moment.Offset));
        Assert.Equal("1850-01-01T04:56:02Z", BirthMomentResolver.FormatUtc(moment.Utc));
    }

    [Fact]
    public void A_birth_after_standard_time_is_not_local_mean_time()
    {
        var moment = Resolve(new BirthInput("1990-05-15", "14:30", "Europe/London")).Moment!;

        Assert.False(moment.IsLocalMeanTime);
        Assert.Equal("1990-05-15T13:30:00Z", BirthMomentResolver.FormatUtc(moment.Utc));
        Assert.Equal("+01:00", BirthMomentResolver.FormatOffset(moment.Offset));
    }

    [Fact]
    public void An_explicit_offset_is_applied_as_given()
    {
        var moment = Resolve(new BirthInput("1990-05-15", "14:30", UtcOffset: "+05:30")).Moment!;

        Assert.Equal("1990-05-15T09:00:00Z", BirthMomentResolver.FormatUtc(moment.Utc));
        Assert.Equal("utcOffset", moment.Source);
    }

    [Fact]
    public void A_utc_instant_is_taken_as_is()
    {
        var moment = Resolve(new BirthInput(Utc: "1990-05-15T13:30:00Z")).Moment!;

        Assert.Equal("1990-05-15T13:30:00Z", BirthMomentResolver.FormatUtc(moment.Utc));
        Assert.Equal("+00:00", BirthMomentResolver.FormatOffset(moment.Offset));
        Assert.Equal("utc", moment.Source);
    }

    [Fact]
    public void A_utc_instant_written_with_an_offset_keeps_that_offset()
    {
        var moment = Resolve(new BirthInput(Utc: "1990-05-15T14:30:00+01:00")).Moment!;

        Assert.Equal("1990-05-15T13:30:00Z", BirthMomentResolver.FormatUtc(moment.Utc));
        Assert.Equal("+01:00", BirthMomentResolver.FormatOffset(moment.Offset));
        Assert.Equal("utc", moment.Source);
    }

    [Theory]
    [InlineData("5399-12-31T23:30:00-01:00")]
    [InlineData("-5400-01-01T00:30:00+01:00")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    public void The_supported_years_bound_the_instant_not_the_year_written_beside_its_offset(string utc)
    {
        var result = Resolve(new BirthInput(Utc: utc));

        Assert.Null(result.Moment);
        Assert.Equal(["birth.utc"], result.Errors!.Keys);
    }

    [Fact]
    public void An_instant_inside_the_supported_years_is_accepted_though_written_in_the_year_after()
    {
        var moment = Resolve(new BirthInput(Utc: "5400-01-01T00:30:00+01:00")).Moment!;

        Assert.Equal("5399-12-31T23:30:00Z", BirthMomentResolver.FormatUtc(moment.Utc));
    }

    [Fact]
    public void An_unknown_time_is_cast_for_local_noon()
    {
        var moment = Resolve(new BirthInput("1990-05-15", TimeZone: "Europe/London", TimeUnknown: true)).Moment!;

        Assert.True(moment.TimeUnknown);
        Assert.Equal("1990-05-15T11:00:00Z", BirthMomentResolver.FormatUtc(moment.Utc));
        Assert.Contains(moment.Warnings, w => w.Code == WarningCodes.TimeUnknown);
    }

    [Theory]
    [InlineData("1990-02-30", "12:00", "Europe/London", null, "birth.date")]
    [InlineData("1990-05-15", "25:00", "Europe/London", null, "birth.time")]
    [InlineData("1990-05-15", "12:00", "Mars/Olympus_Mons", null, "birth.timeZone")]
    [InlineData("1990-05-15", "12:00", null, "+5h", "birth.utcOffset")]
    [InlineData("1990-05-15", "12:00", null, null, "birth.timeZone")]
    [InlineData("6000-01-01", "12:00", "Europe/London", null, "birth.date")]
    public void Bad_birth_fields_are_named_in_the_errors(string date, string time, string? zone, string? offset, string field)
    {
        var result = Resolve(new BirthInput(date, time, zone, offset));

        Assert.Null(result.Moment);
        Assert.Contains(field, result.Errors!.Keys);
    }

    [Fact]
    public void A_date_outside_the_ephemeris_names_the_supported_years()
    {
        var result = Resolve(new BirthInput("6000-01-01", "12:00", "Europe/London"));

        Assert.Contains("-5400 to 5399", result.Errors!["birth.date"][0]);
    }

    [Theory]
    [InlineData("1200-01-01", "12:00", "+00:00")]
    [InlineData("0599-12-31", "23:30", "-01:00")]
    public void A_birth_in_a_gap_between_installed_years_names_every_span(string date, string time, string offset)
    {
        var result = BirthMomentResolver.Resolve(new BirthInput(date, time, UtcOffset: offset), TwoBlocks);

        Assert.Null(result.Moment);
        Assert.Equal("Supported years are -600 to 599, 1800 to 2399 (the installed ephemeris range).", Assert.Single(result.Errors!["birth.date"]));
    }

    [Fact]
    public void An_instant_before_the_installed_years_is_refused_though_the_year_written_is_inside()
    {
        var result = BirthMomentResolver.Resolve(new BirthInput(Utc: "1800-01-01T00:30:00+01:00"), TwoBlocks);

        Assert.Null(result.Moment);
        Assert.Equal(["birth.utc"], result.Errors!.Keys);
    }

    [Fact]
    public void The_julian_day_of_J2000_noon_is_2451545()
    {
        var moment = Resolve(new BirthInput(Utc: "2000-01-01T12:00:00Z")).Moment!;

        Assert.Equal(2451545.0, JulianDay.FromInstant(moment.Utc));
    }

    [Fact]
    public void A_date_written_in_the_Julian_calendar_is_read_in_it()
    {
        // 1 January 1700 in the Julian calendar, as an English record of the time would give it, is 11 January in the
        // Gregorian: the calendars stood 10 days apart until the Julian-only leap day of that February.
        var result = Resolve(new BirthInput("1700-01-01", "12:00", UtcOffset: "+00:00", Calendar: "julian"));

        Assert.Equal("1700-01-11T12:00:00Z", BirthMomentResolver.FormatUtc(result.Moment!.Utc));
        Assert.Equal("julian", result.Moment.Calendar);
    }

    [Fact]
    public void Without_a_calendar_the_date_is_Gregorian()
    {
        var result = Resolve(new BirthInput("1700-01-01", "12:00", UtcOffset: "+00:00"));

        Assert.Equal("1700-01-01T12:00:00Z", BirthMomentResolver.FormatUtc(result.Moment!.Utc));
        Assert.Equal("gregorian", result.Moment.Calendar);
    }

    [Fact]
    public void A_Julian_leap_day_the_Gregorian_calendar_lacks_is_accepted()
    {
        // 1700 was a leap year in the Julian calendar only.
        var result = Resolve(new BirthInput("1700-02-29", "06:00", UtcOffset: "+00:00", Calendar: "Julian"));

        Assert.Equal("1700-03-11T06:00:00Z", BirthMomentResolver.FormatUtc(result.Moment!.Utc));
    }

    [Theory]
    [InlineData("hebrew")]
    [InlineData("julain")]
    public void An_unknown_calendar_is_named(string calendar)
    {
        var result = Resolve(new BirthInput("1700-01-01", "12:00", UtcOffset: "+00:00", Calendar: calendar));

        Assert.Null(result.Moment);
        Assert.Contains("birth.calendar", result.Errors!.Keys);
    }

    [Fact]
    public void A_Julian_calendar_beside_an_instant_is_refused()
    {
        var result = Resolve(new BirthInput(Utc: "1700-01-01T12:00:00Z", Calendar: "julian"));

        Assert.Contains("birth.calendar", result.Errors!.Keys);
    }

    private static BirthResolution Resolve(BirthInput birth) => BirthMomentResolver.Resolve(birth, FullInstall);
}
