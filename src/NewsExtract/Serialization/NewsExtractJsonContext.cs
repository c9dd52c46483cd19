using System.Text.Json.Serialization;

namespace NewsExtract.Serialization;

/// <summary>Source-generated JSON metadata for the contract shape (camelCase, enums as names, nulls omitted except the speaker).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    WriteIndented = false)]
[JsonSerializable(typeof(ArticleAnalysis))]
internal sealed partial class NewsExtractJsonContext : JsonSerializerContext
{
}
