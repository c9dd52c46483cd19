using System.Text.Json;
using NewsExtract.Serialization;

namespace NewsExtract;

/// <summary>
/// Reads and writes <see cref="ArticleAnalysis"/> as the JSON of the NewsExtract contract
/// (schema version 1, camelCase, enums by name). Trimming- and AOT-safe (source generated).
/// </summary>
public static class ArticleAnalysisJson
{
    private static readonly NewsExtractJsonContext s_indented = new(new JsonSerializerOptions(NewsExtractJsonContext.Default.Options) { WriteIndented = true });

    /// <summary>Serializes an analysis to a JSON string.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <param name="indented">Whether to indent the output for people to read.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="analysis"/> is <see langword="null"/>.</exception>
    public static string Serialize(ArticleAnalysis analysis, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return JsonSerializer.Serialize(analysis, Context(indented).ArticleAnalysis);
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
        JsonSerializer.Serialize(utf8Json, analysis, Context(indented).ArticleAnalysis);
    }

    /// <summary>Reads an analysis back from its JSON.</summary>
    /// <param name="json">JSON written by <see cref="Serialize(ArticleAnalysis, bool)"/>.</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The text is not a valid analysis.</exception>
    public static ArticleAnalysis Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, NewsExtractJsonContext.Default.ArticleAnalysis)
            ?? throw new JsonException("The JSON text is 'null', not an article analysis.");
    }

    private static NewsExtractJsonContext Context(bool indented) => indented ? s_indented : NewsExtractJsonContext.Default;
}
