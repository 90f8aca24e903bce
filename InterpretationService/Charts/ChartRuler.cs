using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZodiaCore.InterpretationService.Charts;

/// <summary>ChartService's <c>chartRuler</c>: the ruler of the ascendant sign and where it stands.</summary>
/// <remarks>A bare body name (<c>"mars"</c>) is accepted too.</remarks>
[JsonConverter(typeof(ChartRulerJsonConverter))]
public sealed record ChartRuler(string Body, string? AscendantSign = null, string? Sign = null, int? House = null);

internal sealed class ChartRulerJsonConverter : JsonConverter<ChartRuler>
{
    public override ChartRuler? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return new ChartRuler(reader.GetString() ?? string.Empty);
            case JsonTokenType.StartObject:
                string body = string.Empty;
                string? ascendantSign = null, sign = null;
                int? house = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var property = reader.GetString();
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String && string.Equals(property, "body", StringComparison.OrdinalIgnoreCase))
                    {
                        body = reader.GetString() ?? string.Empty;
                    }
                    else if (reader.TokenType == JsonTokenType.String && string.Equals(property, "ascendantSign", StringComparison.OrdinalIgnoreCase))
                    {
                        ascendantSign = reader.GetString();
                    }
                    else if (reader.TokenType == JsonTokenType.String && string.Equals(property, "sign", StringComparison.OrdinalIgnoreCase))
                    {
                        sign = reader.GetString();
                    }
                    else if (reader.TokenType == JsonTokenType.Number && string.Equals(property, "house", StringComparison.OrdinalIgnoreCase))
                    {
                        house = reader.GetInt32();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                return new ChartRuler(body, ascendantSign, sign, house);
            default:
                throw new JsonException("chartRuler must be a body name or an object.");
        }
    }

    public override void Write(Utf8JsonWriter writer, ChartRuler value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("body", value.Body);
        if (value.AscendantSign is not null)
        {
            writer.WriteString("ascendantSign", value.AscendantSign);
        }

        if (value.Sign is not null)
        {
            writer.WriteString("sign", value.Sign);
        }

        if (value.House is { } house)
        {
            writer.WriteNumber("house", house);
        }

        writer.WriteEndObject();
    }
}
