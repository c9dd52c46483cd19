using NewsExtract.Text.Tokenization;

namespace NewsExtract;

/// <summary>
/// The immutable result of analysing one article. Every span is a pair of UTF-16 offsets into the
/// analysed text (end exclusive), so <c>text.Substring(start, end - start)</c> equals the span's text.
/// </summary>
public sealed class ArticleAnalysis
{
    /// <summary>The version of the JSON schema this result serializes to.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Initializes a new analysis result.</summary>
    /// <param name="title">The article title, or <see langword="null"/> when the text has none.</param>
    /// <param name="sentences">The body sentences in text order.</param>
    /// <param name="paragraphs">The blocks of the article in text order.</param>
    /// <param name="tokens">The tokens, or <see langword="null"/> when not requested.</param>
    /// <param name="mentions">Entity mentions in text order.</param>
    /// <param name="entities">Entities, ordered by first mention.</param>
    /// <param name="quotes">Quotations in text order.</param>
    /// <exception cref="ArgumentNullException">A required list is <see langword="null"/>.</exception>
    public ArticleAnalysis(
        string? title,
        IReadOnlyList<Sentence> sentences,
        IReadOnlyList<Paragraph> paragraphs,
        IReadOnlyList<Token>? tokens,
        IReadOnlyList<Mention> mentions,
        IReadOnlyList<Entity> entities,
        IReadOnlyList<Quote> quotes)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(paragraphs);
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(quotes);
        Title = title;
        Sentences = sentences;
        Paragraphs = paragraphs;
        Tokens = tokens;
        Mentions = mentions;
        Entities = entities;
        Quotes = quotes;
    }

    /// <summary>Gets the schema version of this result (currently 1).</summary>
    public int SchemaVersion => CurrentSchemaVersion;

    /// <summary>Gets the article title, or <see langword="null"/> when none was found.</summary>
    public string? Title { get; }

    /// <summary>Gets the sentences of the article body and headings, in text order.</summary>
    public IReadOnlyList<Sentence> Sentences { get; }

    /// <summary>Gets the paragraphs (title, headings, body, boilerplate) in text order.</summary>
    public IReadOnlyList<Paragraph> Paragraphs { get; }

    /// <summary>
    /// Gets the tokens, or <see langword="null"/> unless <see cref="ArticleAnalyzerOptions.IncludeTokens"/> is set.
    /// </summary>
    public IReadOnlyList<Token>? Tokens { get; }

    /// <summary>Gets the entity mentions in text order.</summary>
    public IReadOnlyList<Mention> Mentions { get; }

    /// <summary>Gets the entities, ordered by their first mention.</summary>
    public IReadOnlyList<Entity> Entities { get; }

    /// <summary>Gets the quotations in text order.</summary>
    public IReadOnlyList<Quote> Quotes { get; }
}
