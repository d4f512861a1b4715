using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlowLogWarehouse.Athena.Protocol;

/// <summary>AWS JSON 1.1 sends timestamps as epoch seconds, a number with a fraction for milliseconds.</summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(reader.GetDouble() * 1000));
        // The protocol allows ISO 8601 text too; no Athena answer uses it, but a proxy might.
        if (reader.TokenType == JsonTokenType.String && DateTimeOffset.TryParse(reader.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            return parsed;
        throw new JsonException($"a timestamp must be epoch seconds, not {reader.TokenType}");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000m);
}
