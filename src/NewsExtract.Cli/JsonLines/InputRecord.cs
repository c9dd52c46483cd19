using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace NewsExtract.Cli.JsonLines;

/// <summary>
/// One line of JSON-lines input: its <c>id</c> and other fields kept as raw JSON for the result line,
/// and its <c>text</c> to analyse. <see cref="Parse"/> never throws for bad input; it returns the reason.
/// </summary>
internal sealed class InputRecord
{
    private InputRecord(long lineNumber, byte[] id, List<(string Name, byte[] RawName, byte[] RawValue)> fields, int textBytes)
    {
        LineNumber = lineNumber;
        RawId = id;
        Fields = fields;
        TextBytes = textBytes;
    }

    public long LineNumber { get; }

    /// <summary>Gets the <c>id</c> value exactly as written in the input (a JSON string or number).</summary>
    public byte[] RawId { get; }

    /// <summary>Gets the other fields in input order: unescaped name, escaped name bytes, raw JSON value.</summary>
    public List<(string Name, byte[] RawName, byte[] RawValue)> Fields { get; }

    /// <summary>Gets the size of the input line in bytes (for throughput).</summary>
    public int TextBytes { get; }

    /// <summary>
    /// Parses a line. Returns the record and its text, or <see langword="null"/> with the reason in
    /// <paramref name="error"/> (and the raw id in <paramref name="rawId"/> when it could be read).
    /// </summary>
    public static InputRecord? Parse(ReadOnlySpan<byte> line, long lineNumber, int maxTextBytes, out string? text, out string? error, out byte[]? rawId)
    {
        text = null;
        error = null;
        rawId = null;
        if (lineNumber == 1 && line.StartsWith("\uFEFF"u8))
        {
            line = line[3..];
        }

        if (!Utf8.IsValid(line))
        {
            error = "not valid UTF-8";
            return null;
        }

        var fields = new List<(string, byte[], byte[])>();
        bool sawText = false;
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 256 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = "invalid JSON: the line is not a JSON object";
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                byte[] rawName = reader.ValueSpan.ToArray();
                reader.Read();
                if (name == "text")
                {
                    if (sawText)
                    {
                        error = "more than one \"text\" field";
                        return null;
                    }

                    sawText = true;
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        error = "\"text\" is not a string";
                        return null;
                    }

                    // The escaped length bounds the decoded UTF-8 length from above, so a short raw
                    // value needs no count; a long one is counted exactly.
                    int rawLength = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
                    text = reader.GetString()!;
                    if (rawLength > maxTextBytes && Encoding.UTF8.GetByteCount(text) > maxTextBytes)
                    {
                        error = $"text is longer than {maxTextBytes} bytes (--max-text-size)";
                        text = null;
                        return null;
                    }

                    continue;
                }

                int start = (int)reader.TokenStartIndex;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }

                byte[] value = line[start..(int)reader.BytesConsumed].ToArray();
                if (name == "id")
                {
                    if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
                    {
                        error = "\"id\" is not a string or a number";
                        return null;
                    }

                    if (rawId is not null)
                    {
                        error = "more than one \"id\" field";
                        return null;
                    }

                    rawId = value;
                    continue;
                }

                fields.Add((name, rawName, value));
            }

            // Anything after the object other than white space is an error of the JSON reader.
            while (reader.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            error = "invalid JSON: " + ex.Message;
            text = null;
            return null;
        }

        if (rawId is null)
        {
            error = "no \"id\" field";
        }
        else if (!sawText)
        {
            error = "no \"text\" field";
        }
        else if (string.IsNullOrWhiteSpace(text))
        {
            error = "\"text\" is empty";
        }

        if (error is not null)
        {
            text = null;
            return null;
        }

        return new InputRecord(lineNumber, rawId!, fields, line.Length);
    }

    /// <summary>Returns whether the line is empty or only white space (such lines are skipped).</summary>
    public static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r"u8) < 0;
}
