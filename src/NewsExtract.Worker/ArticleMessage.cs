using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace NewsExtract.Worker;

/// <summary>A message that can never be stored (not JSON, no text, too large, binary): dead-lettered at once.</summary>
internal sealed class PoisonMessageException(string message) : Exception(message);

/// <summary>
/// One article message: a UTF-8 JSON object <c>{"id": ..., "text": ..., other fields}</c>, the same
/// shape as a line of <c>analyze --input jsonl</c>. A number id is kept as its digits.
/// </summary>
internal sealed record ArticleMessage(string Id, string Text, string FieldsJson, DateTimeOffset? PublishedAt)
{
    public static ArticleMessage Parse(ReadOnlyMemory<byte> memory, int maxTextBytes)
    {
        ReadOnlySpan<byte> body = memory.Span;
        if (body.Length == 0)
        {
            throw new PoisonMessageException("empty message body");
        }

        // The text may be escaped up to six bytes a character; beyond that the body cannot fit the limit.
        if (body.Length > (6L * maxTextBytes) + (1024 * 1024))
        {
            throw new PoisonMessageException($"message body of {body.Length} bytes is far over the text limit of {maxTextBytes} bytes");
        }

        if (!Utf8.IsValid(body))
        {
            throw new PoisonMessageException("message body is not valid UTF-8 (binary data?)");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(memory);
        }
        catch (JsonException ex)
        {
            throw new PoisonMessageException("invalid JSON: " + ex.Message);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new PoisonMessageException("the message is not a JSON object");
            }

            string? id = null;
            string? text = null;
            DateTimeOffset? published = null;
            using var fields = new MemoryStream();
            using (var writer = new Utf8JsonWriter(fields))
            {
                writer.WriteStartObject();
                foreach (JsonProperty property in root.EnumerateObject())
                {
                    switch (property.Name)
                    {
                        case "id":
                            id = property.Value.ValueKind switch
                            {
                                JsonValueKind.String => property.Value.GetString(),
                                JsonValueKind.Number => property.Value.GetRawText(),
                                _ => throw new PoisonMessageException("\"id\" is not a string or a number"),
                            };
                            break;
                        case "text":
                            text = property.Value.ValueKind == JsonValueKind.String
                                ? property.Value.GetString()
                                : throw new PoisonMessageException("\"text\" is not a string");
                            break;
                        default:
                            if (property.Name == "published" && property.Value.ValueKind == JsonValueKind.String
                                && DateTimeOffset.TryParse(property.Value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date))
                            {
                                published = date.ToUniversalTime();
                            }

                            property.WriteTo(writer);
                            break;
                    }
                }

                writer.WriteEndObject();
            }

            if (string.IsNullOrWhiteSpace(id))
            {
                throw new PoisonMessageException("no \"id\" (or an empty one)");
            }

            if (text is null)
            {
                throw new PoisonMessageException("no \"text\"");
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                throw new PoisonMessageException("\"text\" is empty");
            }

            int bytes = Encoding.UTF8.GetByteCount(text);
            if (bytes > maxTextBytes)
            {
                throw new PoisonMessageException($"text of {bytes} bytes is over the limit of {maxTextBytes} bytes (NewsExtract:MaxTextBytes)");
            }

            // PostgreSQL text and jsonb cannot hold U+0000.
            if (text.Contains('\0', StringComparison.Ordinal) || id.Contains('\0', StringComparison.Ordinal) || fields.ToArray().AsSpan().IndexOf("\\u0000"u8) >= 0)
            {
                throw new PoisonMessageException("the message contains U+0000 characters, which PostgreSQL cannot store");
            }

            return new ArticleMessage(id, text, Encoding.UTF8.GetString(fields.GetBuffer(), 0, (int)fields.Length), published);
        }
    }
}
