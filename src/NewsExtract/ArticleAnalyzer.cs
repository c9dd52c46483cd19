using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
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
    private readonly PageFurnitureFinder _furniture = new();
    private readonly SentenceSplitter _sentences = new();
    private readonly EntityRecognizer _recognizer;
    private readonly EntityResolver _resolver = new();
    private readonly QuoteExtractor _quotes;
    private int _runningBatchAnalyses;

    private ArticleAnalyzer(ArticleAnalyzerOptions options)
        : this(options, SpeakerRankingModel.Default)
    {
    }

    private ArticleAnalyzer(ArticleAnalyzerOptions options, SpeakerRankingModel? speakerModel, bool allQuoteCandidates = false)
    {
        _quotes = new QuoteExtractor(speakerModel, options.MinSpeakerConfidence, allQuoteCandidates);
        _stages = options.Stages;
        _includeTokens = options.IncludeTokens;
        _parallelism = options.EffectiveParallelism;
        NerModel? model = options.EntityModelPath is not null ? NerModel.Load(options.EntityModelPath)
            : options.EntityModel == EntityModelKind.Open ? NerModel.Open : null;
        _recognizer = new EntityRecognizer(model, [.. options.CustomNames]);
    }

    /// <summary>Creates an analyzer with default options (full analysis).</summary>
    /// <returns>A thread-safe analyzer.</returns>
    public static ArticleAnalyzer CreateDefault() => new(ArticleAnalyzerOptions.Default);

    /// <summary>Creates an analyzer with the given options.</summary>
    /// <param name="options">The options (immutable; validated here).</param>
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

    /// <summary>
    /// Creates an analyzer with a given speaker-attribution model (null: the rule pass decides), for
    /// training and cross-validation (<c>train quotes</c>, <c>eval quotes --folds</c>).
    /// </summary>
    internal static ArticleAnalyzer CreateWithSpeakerModel(ArticleAnalyzerOptions options, SpeakerRankingModel? speakerModel)
    {
        options.Validate();
        return new ArticleAnalyzer(options, speakerModel);
    }

    /// <summary>
    /// Creates the analyzer that collects training data (<c>train quotes</c>): the rule pass names speakers, and
    /// every quote candidate is emitted, the loose ones the strict rules reject included, for the detector to learn from.
    /// </summary>
    internal static ArticleAnalyzer CreateForQuoteTraining(ArticleAnalyzerOptions options)
    {
        options.Validate();
        return new ArticleAnalyzer(options, null, allQuoteCandidates: true);
    }

    /// <inheritdoc/>
    public ArticleAnalysis Analyze(string text, CancellationToken cancellationToken = default) => Analyze(text, null, cancellationToken);

    /// <summary>Analyzes a text; <paramref name="speakerTrace"/>, when given, receives each quote's speaker candidates.</summary>
    internal ArticleAnalysis Analyze(string text, List<RankedQuote>? speakerTrace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        cancellationToken.ThrowIfCancellationRequested();

        AnalysisDocument document = RunStages(text, cancellationToken, speakerTrace);
        return ResultBuilder.Build(document, _includeTokens);
    }

    /// <summary>
    /// The pipeline, in order, in one place. Each stage reads earlier layers and returns its own, which
    /// is set once on the document (<see cref="AnalysisDocument"/> throws on a second write):
    /// <list type="number">
    /// <item>structure: text -> <see cref="AnalysisDocument.Layout"/></item>
    /// <item>tokenizer: text -> <see cref="AnalysisDocument.Tokens"/></item>
    /// <item>sentences: text, tokens, layout -> <see cref="AnalysisDocument.Sentences"/></item>
    /// <item>entity recognizer: text, layout, tokens, sentences -> <see cref="AnalysisDocument.RawMentions"/></item>
    /// <item>resolution: text, layout, tokens, raw mentions -> <see cref="AnalysisDocument.Resolution"/>
    /// (cleaned mentions, their entities, roles)</item>
    /// <item>page furniture: text, layout, tokens -> <see cref="AnalysisDocument.Furniture"/> (photo captions,
    /// quoted sub-headings, section labels, quoted stretches; only for a full analysis, its one reader is the quote stage)</item>
    /// <item>quotes: text, layout, tokens, sentences, resolution, furniture -> <see cref="AnalysisDocument.Quotes"/></item>
    /// </list>
    /// </summary>
    internal AnalysisDocument RunStages(string text, CancellationToken cancellationToken, List<RankedQuote>? speakerTrace = null)
    {
        var document = new AnalysisDocument(text);
        document.SetLayout(_structure.Parse(text));
        document.SetTokens(TextTokenizer.Tokenize(text));
        document.SetSentences(_sentences.Split(text, document.Tokens, document.Layout));
        cancellationToken.ThrowIfCancellationRequested();
        if (_stages < AnalysisStages.Entities)
        {
            return document;
        }

        document.SetRawMentions(_recognizer.Recognize(document.Text, document.Layout, document.Tokens, document.Sentences));
        cancellationToken.ThrowIfCancellationRequested();
        document.SetResolution(_resolver.Resolve(text, document.Layout, document.Tokens, document.Sentences, document.RawMentions));
        if (_stages < AnalysisStages.Full)
        {
            return document;
        }

        cancellationToken.ThrowIfCancellationRequested();
        document.SetFurniture(_furniture.Find(text, document.Layout, document.Tokens));
        document.SetQuotes(_quotes.Extract(QuoteLayers.Of(document), EntityIndex.Build(document.Resolution), speakerTrace));
        return document;
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
    /// Keeps a window of at most twice the degree of parallelism in flight, pulled and yielded in
    /// input order, so memory stays bounded and results stream. Up to that many long-running workers
    /// take texts from a queue, so a worker goes from one text to the next without a thread hand-off.
    /// On cancellation, on an early stop by the consumer and on any failure, the workers are cancelled
    /// and awaited before the method returns or throws, so no analysis outlives the enumeration. A
    /// failure of the source surfaces after the results of the texts it produced before failing.
    /// </summary>
    private async IAsyncEnumerable<ArticleAnalysis> AnalyzeManyCoreAsync(
        IAsyncEnumerable<string> texts,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        CancellationToken token = linked.Token;

        // Twice the parallelism keeps every worker busy while the consumer takes a result; long
        // arithmetic because MaxDegreeOfParallelism may be int.MaxValue.
        int windowSize = (int)Math.Min(2L * _parallelism, int.MaxValue);
        var window = new Queue<TaskCompletionSource<ArticleAnalysis>>();
        Channel<(string Text, TaskCompletionSource<ArticleAnalysis> Result)> queue =
            Channel.CreateUnbounded<(string, TaskCompletionSource<ArticleAnalysis>)>(new UnboundedChannelOptions { SingleWriter = true });
        var workers = new List<Task>();
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
                        var result = new TaskCompletionSource<ArticleAnalysis>(TaskCreationOptions.RunContinuationsAsynchronously);
                        window.Enqueue(result);
                        queue.Writer.TryWrite((text, result));
                        if (workers.Count < _parallelism && workers.Count < window.Count)
                        {
                            workers.Add(Task.Run(() => WorkAsync(queue.Reader, token), CancellationToken.None));
                        }
                    }
                }

                if (!more)
                {
                    queue.Writer.TryComplete();
                }

                if (window.Count == 0)
                {
                    break;
                }

                ArticleAnalysis analysis;
                try
                {
                    analysis = await window.Dequeue().Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Report the caller's token, not the internal linked one.
                    throw new OperationCanceledException("The batch analysis was cancelled.", cancellationToken);
                }

                yield return analysis;
            }

            sourceFailure?.Throw();
        }
        finally
        {
            // Stop and drain: no analysis keeps running after the caller stops or fails.
            queue.Writer.TryComplete();
            await linked.CancelAsync().ConfigureAwait(false);
            foreach (Task worker in workers)
            {
                await worker.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            await source.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>One batch worker: analyses queued texts until the queue completes or the batch is cancelled.</summary>
    private async Task WorkAsync(ChannelReader<(string Text, TaskCompletionSource<ArticleAnalysis> Result)> queue, CancellationToken token)
    {
        try
        {
            while (await queue.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (!token.IsCancellationRequested && queue.TryRead(out (string Text, TaskCompletionSource<ArticleAnalysis> Result) item))
                {
                    Interlocked.Increment(ref _runningBatchAnalyses);
                    try
                    {
                        item.Result.TrySetResult(Analyze(item.Text, token));
                    }
                    catch (OperationCanceledException ex)
                    {
                        item.Result.TrySetCanceled(ex.CancellationToken);
                    }
                    catch (Exception ex)
                    {
                        // Surfaces to the consumer at this text's place in the order.
                        item.Result.TrySetException(ex);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _runningBatchAnalyses);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The batch was stopped; the consumer already has (or no longer wants) the outcome.
        }
    }
}
