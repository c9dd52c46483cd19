using System.Runtime.CompilerServices;
using NewsExtract.Entities;
using NewsExtract.Internal;
using NewsExtract.Quotes;
using NewsExtract.Resolution;
using NewsExtract.Structure;
using NewsExtract.Text.Sentences;
using NewsExtract.Text.Tokenization;

namespace NewsExtract;

/// <summary>
/// The default <see cref="IArticleAnalyzer"/>: a one-way pipeline of structure, tokens, sentences,
/// entity mentions, entity resolution and quotations.
/// </summary>
/// <remarks>
/// An analyzer is immutable once created and safe to share between threads; create one and reuse it.
/// The entity model is loaded once per process, lazily, and shared.
/// </remarks>
public sealed class ArticleAnalyzer : IArticleAnalyzer
{
    private readonly AnalysisStages _stages;
    private readonly bool _includeTokens;
    private readonly int _parallelism;
    private readonly ArticleStructureParser _structure = new();
    private readonly SentenceSplitter _sentences = new();
    private readonly EntityRecognizer _recognizer;
    private readonly EntityResolver _resolver = new();
    private readonly QuoteExtractor _quotes = new();

    private ArticleAnalyzer(ArticleAnalyzerOptions options)
    {
        _stages = options.Stages;
        _includeTokens = options.IncludeTokens;
        _parallelism = options.EffectiveParallelism;
        NerModel? model = options.EntityModelPath is null ? null : NerModel.Load(options.EntityModelPath);
        _recognizer = new EntityRecognizer(model, [.. options.CustomNames]);
    }

    /// <summary>Creates an analyzer with default options (full analysis).</summary>
    /// <returns>A thread-safe analyzer.</returns>
    public static ArticleAnalyzer CreateDefault() => new(new ArticleAnalyzerOptions());

    /// <summary>Creates an analyzer with the given options.</summary>
    /// <param name="options">The options; copied, so later changes have no effect.</param>
    /// <returns>A thread-safe analyzer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option has an invalid value.</exception>
    /// <exception cref="IOException"><see cref="ArticleAnalyzerOptions.EntityModelPath"/> cannot be read.</exception>
    /// <exception cref="InvalidDataException">
    /// <see cref="ArticleAnalyzerOptions.EntityModelPath"/> is not a valid entity model of the format version
    /// this library reads (the message names the file and the versions).
    /// </exception>
    public static ArticleAnalyzer Create(ArticleAnalyzerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new ArticleAnalyzer(options);
    }

    /// <summary>Gets the text of the built-in sample news article (a made-up story).</summary>
    /// <returns>The sample article.</returns>
    public static string GetSampleArticle() => ResourceText.Read("NewsExtract.SampleArticle.txt");

    /// <inheritdoc/>
    public ArticleAnalysis Analyze(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        cancellationToken.ThrowIfCancellationRequested();

        var document = new AnalysisDocument(text);
        document.Layout = _structure.Parse(text);
        document.Tokens = Tokenizer.Tokenize(text);
        document.Sentences = _sentences.Split(text, document.Tokens, document.Layout);
        cancellationToken.ThrowIfCancellationRequested();

        if (_stages >= AnalysisStages.Entities)
        {
            document.Mentions = _recognizer.Recognize(document);
            cancellationToken.ThrowIfCancellationRequested();
            _resolver.Resolve(document);
        }

        if (_stages >= AnalysisStages.Full)
        {
            cancellationToken.ThrowIfCancellationRequested();
            document.Quotes = _quotes.Extract(document);
        }

        return ResultBuilder.Build(document, _includeTokens);
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<ArticleAnalysis> AnalyzeManyAsync(IEnumerable<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return AnalyzeManyCoreAsync(ToAsync(texts), cancellationToken);
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<ArticleAnalysis> AnalyzeManyAsync(IAsyncEnumerable<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return AnalyzeManyCoreAsync(texts, cancellationToken);
    }

    private static async IAsyncEnumerable<string> ToAsync(IEnumerable<string> texts)
    {
        foreach (string text in texts)
        {
            yield return text;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>
    /// Keeps a window of at most twice the degree of parallelism in flight, started in input order
    /// and yielded in input order, so memory stays bounded and results stream.
    /// </summary>
    private async IAsyncEnumerable<ArticleAnalysis> AnalyzeManyCoreAsync(
        IAsyncEnumerable<string> texts,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        CancellationToken token = linked.Token;
        var window = new Queue<Task<ArticleAnalysis>>();
        using var throttle = new SemaphoreSlim(_parallelism, _parallelism);
        IAsyncEnumerator<string> source = texts.GetAsyncEnumerator(token);
        try
        {
            bool more = true;
            while (true)
            {
                while (more && window.Count < _parallelism * 2)
                {
                    more = await source.MoveNextAsync().ConfigureAwait(false);
                    if (more)
                    {
                        string text = source.Current ?? throw new ArgumentNullException(nameof(texts), "The batch contains a null text.");
                        window.Enqueue(RunAsync(text, throttle, token));
                    }
                }

                if (window.Count == 0)
                {
                    break;
                }

                yield return await window.Dequeue().ConfigureAwait(false);
            }
        }
        finally
        {
            // Stop and drain: no analysis keeps running after the caller stops or fails.
            await linked.CancelAsync().ConfigureAwait(false);
            while (window.Count > 0)
            {
                try
                {
                    await window.Dequeue().ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // Already cancelled or already surfaced to the caller through an earlier result.
                }
            }

            await source.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<ArticleAnalysis> RunAsync(string text, SemaphoreSlim throttle, CancellationToken token)
    {
        await throttle.WaitAsync(token).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => Analyze(text, token), token).ConfigureAwait(false);
        }
        finally
        {
            throttle.Release();
        }
    }
}
