using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace NewsExtract.Serialization;

/// <summary>Source-generated JSON metadata for the contract shape (camelCase, enums as names, nulls omitted except the speaker; the speaker flat, by <see cref="SpeakerJsonConverter"/>).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    WriteIndented = false,
    Converters = [typeof(SpeakerJsonConverter)])]
[JsonSerializable(typeof(ArticleAnalysis))]
internal sealed partial class NewsExtractJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The exceptions to "nulls omitted" that ../shared/CONTRACT.md fixes, kept here so no serializer
    /// attribute is needed on a result type: a quote's <c>speaker</c> is always written, <c>null</c> when
    /// no speaker was found.
    /// </summary>
    public static void ContractRules(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type != typeof(Quote))
        {
            return;
        }

        foreach (JsonPropertyInfo property in typeInfo.Properties)
        {
            if (property.Name == "speaker")
            {
                property.ShouldSerialize = static (_, _) => true;
            }
        }
    }
}
