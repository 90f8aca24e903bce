using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZodiaCore.InterpretationService.Charts;

/// <summary>ChartService's <c>moonPhase</c>.</summary>
/// <remarks>
/// <para><c>Angle</c>: Moon minus Sun longitude, 0–360 degrees.</para>
/// <para><c>Illumination</c>: Lit fraction, 0–1.</para>
/// <para>Read either as a bare name (<c>"waxingGibbous"</c>) or as an object, since only the name is certain.</para>
/// </remarks>
[JsonConverter(typeof(MoonPhaseJsonConverter))]
public sealed record MoonPhase(string? Name, double? Angle = null, double? Illumination = null);

internal sealed class MoonPhaseJsonConverter : JsonConverter<MoonPhase>
{
    public override MoonPhase? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return new MoonPhase(reader.GetString());
            case JsonTokenType.StartObject:
                string? name = null;
                double? angle = null, illumination = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var property = reader.GetString();
                    reader.Read();
                    if (string.Equals(property, "name", StringComparison.OrdinalIgnoreCase) && reader.TokenType == JsonTokenType.String)
                    {
                        name = reader.GetString();
                    }
                    else if (string.Equals(property, "angle", StringComparison.OrdinalIgnoreCase) && reader.TokenType == JsonTokenType.Number)
                    {
                        angle = reader.GetDouble();
                    }
                    else if (string.Equals(property, "illumination", StringComparison.OrdinalIgnoreCase) && reader.TokenType == JsonTokenType.Number)
                    {
                        illumination = reader.GetDouble();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                return new MoonPhase(name, angle, illumination);
            default:
                throw new JsonException("moonPhase must be a string or an object.");
        }
    }

    public override void Write(Utf8JsonWriter writer, MoonPhase value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Name is not null)
        {
            writer.WriteString("name", value.Name);
        }

        if (value.Angle is { } angle)
        {
            writer.WriteNumber("angle", angle);
        }

        if (value.Illumination is { } illumination)
        {
            writer.WriteNumber("illumination", illumination);
        }

        writer.WriteEndObject();
    }
}
