namespace NewsExtract;

/// <summary>
/// Analyses English news articles: structure, tokens, sentences, entity mentions resolved into
/// entities, and quotations with their speakers.
/// </summary>
/// <remarks>Implementations are immutable and safe to use from many threads at once.</remarks>
public interface IArticleAnalyzer
{
    /// <summary>Analyses one article.</summary>
    /// <param name="text">The article text. Any string is valid input, including the empty string.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <returns>The analysis, with offsets into <paramref name="text"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ArticleAnalysis Analyze(string text, CancellationToken cancellationToken = default);

    /// <summary>
    /// Analyses many articles in parallel (up to <see cref="ArticleAnalyzerOptions.MaxDegreeOfParallelism"/>
    /// at once) and streams the results in input order.
    /// </summary>
    /// <param name="texts">The articles. Enumerated once, lazily, as results are consumed.</param>
    /// <param name="cancellationToken">Stops the batch; work in flight is awaited before the exception surfaces.</param>
    /// <returns>One analysis per input text, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="texts"/> or one of its items is <see langword="null"/>.</exception>
    IAsyncEnumerable<ArticleAnalysis> AnalyzeManyAsync(IEnumerable<string> texts, CancellationToken cancellationToken = default);

    /// <summary>
    /// Analyses many articles from an asynchronous source in parallel and streams the results in input order.
    /// </summary>
    /// <param name="texts">The articles.</param>
    /// <param name="cancellationToken">Stops the batch; work in flight is awaited before the exception surfaces.</param>
    /// <returns>One analysis per input text, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="texts"/> or one of its items is <see langword="null"/>.</exception>
    IAsyncEnumerable<ArticleAnalysis> AnalyzeManyAsync(IAsyncEnumerable<string> texts, CancellationToken cancellationToken = default);
}
