using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsExtract.Serialization;

/// <summary>
/// Writes a <see cref="Speaker"/> in the contract's flat shape (../shared/CONTRACT.md): <c>entityId</c>,
/// <c>name</c>, then the mention's <c>start</c>, <c>end</c>, <c>text</c>, then <c>confidence</c>; absent
/// values are left out, as everywhere in the contract. Reads the same shape back; unknown fields are skipped.
/// </summary>
internal sealed class SpeakerJsonConverter : JsonConverter<Speaker>
{
    public override Speaker Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A speaker is a JSON object.");
        }

        int? entityId = null;
        string? name = null;
        int? start = null;
        int? end = null;
        string? text = null;
        double? confidence = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                throw new JsonException("Expected a property name in a speaker.");
            }

            string property = reader.GetString() ?? string.Empty;
            reader.Read();
            bool isNull = reader.TokenType == JsonTokenType.Null;
            switch (property)
            {
                case "entityId":
                    entityId = isNull ? null : reader.GetInt32();
                    break;
                case "name":
                    name = isNull ? null : reader.GetString();
                    break;
                case "start":
                    start = isNull ? null : reader.GetInt32();
                    break;
                case "end":
                    end = isNull ? null : reader.GetInt32();
                    break;
                case "text":
                    text = isNull ? null : reader.GetString();
                    break;
                case "confidence":
                    confidence = isNull ? null : reader.GetDouble();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (name is null)
        {
            throw new JsonException("A speaker has a 'name'.");
        }

        SpeakerMention? mention = null;
        if (start is int s && end is int e && text is not null)
        {
            mention = new SpeakerMention(s, e, text);
        }
        else if (start is not null || end is not null || text is not null)
        {
            throw new JsonException("A speaker's 'start', 'end' and 'text' come together or not at all.");
        }

        return new Speaker(entityId, name, mention) { Confidence = confidence };
    }

    public override void Write(Utf8JsonWriter writer, Speaker value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.EntityId is int entityId)
        {
            writer.WriteNumber("entityId", entityId);
        }

        writer.WriteString("name", value.Name);
        if (value.Mention is SpeakerMention mention)
        {
            writer.WriteNumber("start", mention.Start);
            writer.WriteNumber("end", mention.End);
            writer.WriteString("text", mention.Text);
        }

        if (value.Confidence is double confidence)
        {
            writer.WriteNumber("confidence", confidence);
        }

        writer.WriteEndObject();
    }
}
