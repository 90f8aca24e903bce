using System.Globalization;
using ZodiaCore.ChartService.Ephemeris;

namespace ZodiaCore.ChartService.Charts;

/// <summary>Signs, their elements, modalities and rulers, and how a longitude is written.</summary>
public static class Zodiac
{
    private static readonly string[] SignNames =
    [
        "Aries", "Taurus", "Gemini", "Cancer", "Leo", "Virgo", "Libra", "Scorpio", "Sagittarius", "Capricorn",
        "Aquarius", "Pisces",
    ];

    private static readonly string[] SignGlyphs = ["♈", "♉", "♊", "♋", "♌", "♍", "♎", "♏", "♐", "♑", "♒", "♓"];

    // Traditional rulers (Mars for Scorpio, Saturn for Aquarius, Jupiter for Pisces).
    private static readonly Body[] Rulers =
    [
        Body.Mars, Body.Venus, Body.Mercury, Body.Moon, Body.Sun, Body.Mercury, Body.Venus, Body.Mars, Body.Jupiter,
        Body.Saturn, Body.Saturn, Body.Jupiter,
    ];

    public static readonly string[] Elements = ["fire", "earth", "air", "water"];

    public static readonly string[] Modalities = ["cardinal", "fixed", "mutable"];

    public static int SignIndex(double longitude)
    {
        var sign = (int)(longitude / 30.0);
        return sign > 11 ? 11 : sign < 0 ? 0 : sign;
    }

    public static string SignName(int sign) => SignNames[sign];

    public static string SignGlyph(int sign) => SignGlyphs[sign];

    public static int ElementOf(int sign) => sign % 4;

    public static int ModalityOf(int sign) => sign % 3;

    public static Body RulerOf(int sign) => Rulers[sign];

    /// <summary>
    /// Degrees, minutes and seconds within the sign, truncated (never rounded up into the next sign):
    /// <c>24°07'13" Taurus</c>.
    /// </summary>
    public static string Format(double longitude)
    {
        var sign = SignIndex(longitude);
        var inSign = longitude - (30.0 * sign);

        // The epsilon keeps 29°59'59" written as such despite binary fractions just below it.
        var totalSeconds = (long)Math.Floor((inSign * 3600.0) + 1e-7);
        if (totalSeconds >= 30 * 3600)
        {
            totalSeconds = (30 * 3600) - 1;
        }

        var degrees = totalSeconds / 3600;
        var minutes = totalSeconds / 60 % 60;
        var seconds = totalSeconds % 60;
        return string.Create(CultureInfo.InvariantCulture, $"{degrees}°{minutes:00}'{seconds:00}\" {SignNames[sign]}");
    }
}
