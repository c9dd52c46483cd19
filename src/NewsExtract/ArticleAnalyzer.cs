using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
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
    private readonly EntityRecognizer _recognizer = new();
    private readonly EntityResolver _resolver = new();
    private readonly QuoteExtractor _quotes = new();
    private int _runningBatchAnalyses;

    private ArticleAnalyzer(ArticleAnalyzerOptions options)
    {
        _stages = options.Stages;
        _includeTokens = options.IncludeTokens;
        _parallelism = options.EffectiveParallelism;
    }

    /// <summary>Creates an analyzer with default options (full analysis).</summary>
    /// <returns>A thread-safe analyzer.</returns>
    public static ArticleAnalyzer CreateDefault() => new(new ArticleAnalyzerOptions());

    /// <summary>Creates an analyzer with the given options.</summary>
    /// <param name="options">The options; copied, so later changes have no effect.</param>
    /// <returns>A thread-safe analyzer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option has an invalid value.</exception>
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

    private static async IAsyncEnumerable<string> ToAsync(IEnumerable<string> texts, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (string text in texts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return text;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>Gets the number of batch analyses running right now (tests check that none outlive a batch).</summary>
    internal int RunningBatchAnalyses => Volatile.Read(ref _runningBatchAnalyses);

    /// <summary>
    /// Keeps a window of at most twice the degree of parallelism in flight, started in input order
    /// and yielded in input order, so memory stays bounded and results stream. On cancellation, on an
    /// early stop by the consumer and on any failure, work in flight is cancelled and awaited before
    /// the method returns or throws, so no analysis outlives the enumeration. A failure of the source
    /// surfaces after the results of the texts it produced before failing.
    /// </summary>
    private async IAsyncEnumerable<ArticleAnalysis> AnalyzeManyCoreAsync(
        IAsyncEnumerable<string> texts,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        CancellationToken token = linked.Token;
        var window = new Queue<Task<ArticleAnalysis>>();

        // Twice the parallelism keeps every worker busy while the consumer takes a result; long
        // arithmetic because MaxDegreeOfParallelism may be int.MaxValue.
        int windowSize = (int)Math.Min(2L * _parallelism, int.MaxValue);
        using var throttle = new SemaphoreSlim(_parallelism, _parallelism);
        IAsyncEnumerator<string> source = texts.GetAsyncEnumerator(token);
        ExceptionDispatchInfo? sourceFailure = null;
        try
        {
            bool more = true;
            while (true)
            {
                while (more && window.Count < windowSize)
                {
                    // Stop pulling from the source as soon as the caller cancels.
                    cancellationToken.ThrowIfCancellationRequested();
                    try
                    {
                        more = await source.MoveNextAsync().ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        // Deliver what the source produced before it failed, then its exception.
                        sourceFailure = ExceptionDispatchInfo.Capture(ex);
                        more = false;
                        break;
                    }

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

                ArticleAnalysis result;
                try
                {
                    result = await window.Dequeue().ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Report the caller's token, not the internal linked one.
                    throw new OperationCanceledException("The batch analysis was cancelled.", cancellationToken);
                }

                yield return result;
            }

            sourceFailure?.Throw();
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
                    // Already cancelled, or a failure behind one the caller already got.
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
            return await Task.Run(
                () =>
                {
                    Interlocked.Increment(ref _runningBatchAnalyses);
                    try
                    {
                        return Analyze(text, token);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _runningBatchAnalyses);
                    }
                },
                token).ConfigureAwait(false);
        }
        finally
        {
            throttle.Release();
        }
    }
}
