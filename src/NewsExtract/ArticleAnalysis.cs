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

    private readonly IReadOnlyList<Sentence> _sentences = [];
    private readonly IReadOnlyList<Paragraph> _paragraphs = [];
    private readonly IReadOnlyList<Mention> _mentions = [];
    private readonly IReadOnlyList<Entity> _entities = [];
    private readonly IReadOnlyList<Quote> _quotes = [];

    /// <summary>Initializes an empty analysis (no title, no sentences, no entities); set the properties to fill it.</summary>
    /// <remarks>The analyzer builds results itself; this constructor and the <c>init</c> accessors are for tests and deserialization.</remarks>
    public ArticleAnalysis()
    {
    }

    internal ArticleAnalysis(
        string? title,
        IReadOnlyList<Sentence> sentences,
        IReadOnlyList<Paragraph> paragraphs,
        IReadOnlyList<Token>? tokens,
        IReadOnlyList<Mention> mentions,
        IReadOnlyList<Entity> entities,
        IReadOnlyList<Quote> quotes)
    {
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
    public string? Title { get; init; }

    /// <summary>Gets the sentences of the article body and headings, in text order.</summary>
    public IReadOnlyList<Sentence> Sentences { get => _sentences; init => _sentences = NotNull(value); }

    /// <summary>Gets the paragraphs (title, headings, body, boilerplate) in text order.</summary>
    public IReadOnlyList<Paragraph> Paragraphs { get => _paragraphs; init => _paragraphs = NotNull(value); }

    /// <summary>
    /// Gets the tokens, or <see langword="null"/> unless <see cref="ArticleAnalyzerOptions.IncludeTokens"/> is set.
    /// </summary>
    public IReadOnlyList<Token>? Tokens { get; init; }

    /// <summary>Gets the entity mentions in text order.</summary>
    public IReadOnlyList<Mention> Mentions { get => _mentions; init => _mentions = NotNull(value); }

    /// <summary>Gets the entities, ordered by their first mention.</summary>
    public IReadOnlyList<Entity> Entities { get => _entities; init => _entities = NotNull(value); }

    /// <summary>Gets the quotations in text order.</summary>
    public IReadOnlyList<Quote> Quotes { get => _quotes; init => _quotes = NotNull(value); }

    /// <summary>Lists are never null: an <c>init</c> with <see langword="null"/> throws <see cref="ArgumentNullException"/>.</summary>
    private static T NotNull<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        return value;
    }
}
