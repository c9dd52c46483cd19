using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using NewsExtract.Serialization;

namespace NewsExtract;

/// <summary>
/// Reads and writes <see cref="ArticleAnalysis"/> as the JSON of the NewsExtract contract
/// (schema version 1, camelCase, enums by name). Trimming- and AOT-safe (source generated).
/// </summary>
public static class ArticleAnalysisJson
{
    private static readonly JsonTypeInfo<ArticleAnalysis> s_compact = TypeInfo(indented: false);
    private static readonly JsonTypeInfo<ArticleAnalysis> s_indented = TypeInfo(indented: true);

    /// <summary>Serializes an analysis to a JSON string.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <param name="indented">Whether to indent the output for people to read.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="analysis"/> is <see langword="null"/>.</exception>
    public static string Serialize(ArticleAnalysis analysis, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return JsonSerializer.Serialize(analysis, indented ? s_indented : s_compact);
    }

    /// <summary>Serializes an analysis as UTF-8 JSON to a stream.</summary>
    /// <param name="utf8Json">The destination stream; left open.</param>
    /// <param name="analysis">The analysis.</param>
    /// <param name="indented">Whether to indent the output for people to read.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Serialize(Stream utf8Json, ArticleAnalysis analysis, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(analysis);
        JsonSerializer.Serialize(utf8Json, analysis, indented ? s_indented : s_compact);
    }

    /// <summary>Reads an analysis back from its JSON.</summary>
    /// <param name="json">JSON written by <see cref="Serialize(ArticleAnalysis, bool)"/>.</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The text is not a valid analysis.</exception>
    public static ArticleAnalysis Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, s_compact)
            ?? throw new JsonException("The JSON text is 'null', not an article analysis.");
    }

    /// <summary>
    /// The contract's shape, configured here rather than by attributes on the result types: the
    /// source-generated metadata of <see cref="NewsExtractJsonContext"/> (camelCase, enums by name, nulls
    /// omitted) plus <see cref="NewsExtractJsonContext.ContractRules"/>.
    /// </summary>
    private static JsonTypeInfo<ArticleAnalysis> TypeInfo(bool indented)
    {
        var options = new JsonSerializerOptions(NewsExtractJsonContext.Default.Options)
        {
            WriteIndented = indented,
            TypeInfoResolver = NewsExtractJsonContext.Default.WithAddedModifier(NewsExtractJsonContext.ContractRules),
        };
        return (JsonTypeInfo<ArticleAnalysis>)options.GetTypeInfo(typeof(ArticleAnalysis));
    }
}
