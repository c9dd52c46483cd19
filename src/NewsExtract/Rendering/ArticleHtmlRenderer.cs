using System.Globalization;
using System.Text;

namespace NewsExtract.Rendering;

/// <summary>
/// Renders an analysed article as one self-contained HTML page, for people to look at: every mention
/// highlighted by type (colour and a text label), quotes marked by kind with a badge naming and linking to
/// the speaker, headings and boilerplate muted, and a side panel listing the entities and the quotes
/// grouped by speaker. Hovering or selecting an entity highlights all its mentions.
/// </summary>
/// <remarks>
/// <para>
/// The page loads nothing from the network: its style sheet and small script are inline, and a
/// Content-Security-Policy allows only those two. The article text is treated as untrusted: all of it,
/// and every name from the analysis, is HTML-encoded; control characters and lone surrogates are shown
/// as U+FFFD. Overlapping spans (a mention inside a quote, crossing quotes) are split into well-nested
/// elements; no span boundary splits a surrogate pair.
/// </para>
/// <para>The output depends only on the arguments (same input, same bytes). All members are thread-safe.</para>
/// </remarks>
public static class ArticleHtmlRenderer
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Renders the page as a string.</summary>
    /// <param name="text">The exact text that was analysed.</param>
    /// <param name="analysis">The analysis of <paramref name="text"/>.</param>
    /// <returns>The HTML document.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A span of <paramref name="analysis"/> lies outside <paramref name="text"/>.</exception>
    public static string Render(string text, ArticleAnalysis analysis)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Render(writer, text, analysis);
        return writer.ToString();
    }

    /// <summary>Renders the page to a text writer.</summary>
    /// <param name="writer">The destination; not closed. Nothing is written when an argument is invalid.</param>
    /// <param name="text">The exact text that was analysed.</param>
    /// <param name="analysis">The analysis of <paramref name="text"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A span of <paramref name="analysis"/> lies outside <paramref name="text"/>.</exception>
    public static void Render(TextWriter writer, string text, ArticleAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(analysis);
        ArticlePageWriter.Validate(text, analysis);
        new ArticlePageWriter(writer, text, analysis).Write();
    }

    /// <summary>Renders the page to a stream as UTF-8 (no byte-order mark).</summary>
    /// <param name="utf8Html">The destination stream; left open. Nothing is written when an argument is invalid.</param>
    /// <param name="text">The exact text that was analysed.</param>
    /// <param name="analysis">The analysis of <paramref name="text"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A span of <paramref name="analysis"/> lies outside <paramref name="text"/>.</exception>
    public static void Render(Stream utf8Html, string text, ArticleAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(utf8Html);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(analysis);
        ArticlePageWriter.Validate(text, analysis);
        using var writer = new StreamWriter(utf8Html, s_utf8, bufferSize: 16 * 1024, leaveOpen: true);
        new ArticlePageWriter(writer, text, analysis).Write();
    }
}
