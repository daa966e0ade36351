using System.Text.Json;
using System.Text.Json.Serialization;

namespace HocTapSuotDoi.Features.Criteria.Engine;

/// <summary>Writes points as a JSON number (84.5); reads a number or a string ("84,5").</summary>
public sealed class PointsJsonConverter : JsonConverter<Points>
{
    public override Points Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString();
            return Points.TryParse(text, out var parsed)
                ? parsed
                : throw new InvalidPointsJsonException($"\"{text}\" không phải là số điểm hợp lệ.");
        }

        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out var value))
        {
            throw new InvalidPointsJsonException("Điểm phải là một số.");
        }

        try
        {
            return Points.FromDecimal(value);
        }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            throw new InvalidPointsJsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, Points value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Value);
}

/// <summary>A score in a JSON file that is not a number of tenths; the message is Vietnamese.</summary>
public sealed class InvalidPointsJsonException(string message, Exception? inner = null) : JsonException(message, inner);
