using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZodiaCore.InterpretationService.Charts;

/// <summary>The twelve tropical or sidereal signs, in zodiac order (Aries = 0).</summary>
/// <remarks>ChartService writes lower-case names; reading is case-insensitive, so "Taurus" works too.</remarks>
[JsonConverter(typeof(ZodiacSignJsonConverter))]
public enum ZodiacSign
{
    Aries,
    Taurus,
    Gemini,
    Cancer,
    Leo,
    Virgo,
    Libra,
    Scorpio,
    Sagittarius,
    Capricorn,
    Aquarius,
    Pisces,
}

public static class ZodiacSigns
{
    /// <summary>The sign holding an ecliptic longitude in degrees (any value; it is normalised to [0, 360)).</summary>
    public static ZodiacSign FromLongitude(double longitude)
    {
        var normalised = ((longitude % 360.0) + 360.0) % 360.0;
        return (ZodiacSign)Math.Min(11, (int)(normalised / 30.0));
    }
}

/// <summary>Reads a sign name in any letter case ("taurus", "Taurus"); writes ChartService's lower-case form.</summary>
// The stock enum converter matches custom member names case-sensitively, so "Taurus" would fail against "taurus".
internal sealed class ZodiacSignJsonConverter : JsonConverter<ZodiacSign>
{
    public override ZodiacSign Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return Enum.TryParse<ZodiacSign>(text, ignoreCase: true, out var sign) && Enum.IsDefined(sign) && !int.TryParse(text, out _)
            ? sign
            : throw new JsonException($"'{text}' is not a zodiac sign.");
    }

    public override void Write(Utf8JsonWriter writer, ZodiacSign value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString().ToLowerInvariant());
}
