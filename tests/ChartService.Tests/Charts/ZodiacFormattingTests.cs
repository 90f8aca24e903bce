using ZodiaCore.ChartService.Charts;

namespace ZodiaCore.ChartService.Tests.Charts;

public sealed class ZodiacFormattingTests
{
    private const double OneSecond = 1.0 / 3600.0;

    [Theory]
    [InlineData(29 + (59.0 / 60) + (59.0 / 3600), "29°59'59\" Aries")]
    [InlineData(60 - (0.5 / 3600), "29°59'59\" Taurus")]
    [InlineData(60, "0°00'00\" Gemini")]
    [InlineData(54 + (7.0 / 60) + (13.0 / 3600), "24°07'13\" Taurus")]
    [InlineData(360 - (0.1 / 3600), "29°59'59\" Pisces")]
    public void A_longitude_is_written_in_truncated_degrees_minutes_and_seconds_of_its_sign(double longitude, string expected)
    {
        Assert.Equal(expected, Zodiac.Format(longitude));
    }

    [Fact]
    public void The_last_second_of_a_sign_stays_in_that_sign()
    {
        var longitude = 90 - OneSecond;

        Assert.Equal("Gemini", Zodiac.SignName(Zodiac.SignIndex(longitude)));
        Assert.Equal("Cancer", Zodiac.SignName(Zodiac.SignIndex(90)));
    }

    [Theory]
    [InlineData(0.0, "Ashwini", 1)]
    [InlineData(13.0 + (1.0 / 3) + 1e-9, "Bharani", 1)]
    [InlineData(10.0, "Ashwini", 4)]
    [InlineData(359.99, "Revati", 4)]
    public void Nakshatra_and_pada_follow_thirteen_degree_twenty_minute_mansions(double longitude, string name, int pada)
    {
        Assert.Equal((name, pada), Nakshatras.Of(longitude));
    }
}
