using System.Runtime.CompilerServices;
using CsCheck;
using NewsExtract.Tests.Reliability;

namespace NewsExtract.Tests.Api;

/// <summary>
/// One analyzer shared by many threads answers exactly as it does alone, and the batch API keeps
/// order, bounds its parallelism, stops promptly and leaves nothing running when it ends.
/// </summary>
public class ArticleAnalyzerConcurrencyTests
{
    private static readonly Lazy<string[]> s_texts = new(BuildTexts);

    [Fact]
    public void Analyze_SharedBetweenThreads_SameJsonAsSequential()
    {
        string[] texts = s_texts.Value;
        ArticleAnalyzer analyzer = ArticleAnalyzer.Create(new ArticleAnalyzerOptions { IncludeTokens = true });
        string[] expected = Array.ConvertAll(texts, t => ArticleAnalysisJson.Serialize(analyzer.Analyze(t)));

        const int Threads = 8;
        var actual = new string[Threads][];
        var threads = new Thread[Threads];
        using var start = new ManualResetEventSlim();
        for (int t = 0; t < Threads; t++)
        {
            int offset = t;
            actual[t] = new string[texts.Length];
            threads[t] = new Thread(() =>
            {
                start.Wait();

                // Each thread walks the texts from a different place, so different texts overlap.
                for (int k = 0; k < texts.Length; k++)
                {
                    int i = (k + (offset * 7)) % texts.Length;
                    actual[offset][i] = ArticleAnalysisJson.Serialize(analyzer.Analyze(texts[i]));
                }
            });
            threads[t].Start();
        }

        start.Set();
        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        for (int t = 0; t < Threads; t++)
        {
            for (int i = 0; i < texts.Length; i++)
            {
                Assert.True(expected[i] == actual[t][i], $"thread {t}, text {i}: result differs from the sequential one");
            }
        }
    }

    [Fact]
    public async Task AnalyzeManyAsync_MixedTexts_SameJsonAsSequentialInInputOrder()
    {
        string[] texts = s_texts.Value;
        ArticleAnalyzer analyzer = ArticleAnalyzer.Create(new ArticleAnalyzerOptions { MaxDegreeOfParallelism = 3 });
        int index = 0;
        await foreach (ArticleAnalysis analysis in analyzer.AnalyzeManyAsync(texts, TestContext.Current.CancellationToken))
        {
            Assert.Equal(ArticleAnalysisJson.Serialize(analyzer.Analyze(texts[index], TestContext.Current.CancellationToken)), ArticleAnalysisJson.Serialize(analysis));
            index++;
        }

        Assert.Equal(texts.Length, index);
        Assert.Equal(0, analyzer.RunningBatchAnalyses);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task AnalyzeManyAsync_NeverRunsMoreThanMaxDegreeOfParallelism(int parallelism)
    {
        ArticleAnalyzer analyzer = ArticleAnalyzer.Create(new ArticleAnalyzerOptions { MaxDegreeOfParallelism = parallelism });
        var source = new ObservedSource(analyzer, Repeat(ArticleAnalyzer.GetSampleArticle(), 40));
        int count = 0;
        await foreach (ArticleAnalysis _ in analyzer.AnalyzeManyAsync(source, TestContext.Current.CancellationToken))
        {
            source.Observe();
            count++;
        }

        Assert.Equal(40, count);
        Assert.InRange(source.MaxRunning, 0, parallelism);
        Assert.InRange(source.MaxAhead, 0, (2 * parallelism) + 1);
        Assert.True(source.Disposed);
    }

    [Fact]
    public async Task AnalyzeManyAsync_HugeMaxDegreeOfParallelism_ReturnsEveryResult()
    {
        ArticleAnalyzer analyzer = ArticleAnalyzer.Create(new ArticleAnalyzerOptions { MaxDegreeOfParallelism = int.MaxValue });
        int count = 0;
        await foreach (ArticleAnalysis _ in analyzer.AnalyzeManyAsync(["One text.", "Another text.", "A third."], TestContext.Current.CancellationToken))
        {
            count++;
        }

        Assert.Equal(3, count);
    }

    [Fact]
    public async Task AnalyzeManyAsync_CancelledMidway_StopsPullingAndLeavesNothingRunning()
    {
        ArticleAnalyzer analyzer = ArticleAnalyzer.Create(new ArticleAnalyzerOptions { MaxDegreeOfParallelism = 2 });
        using var cts = new CancellationTokenSource();
        var source = new ObservedSource(analyzer, Endless(ArticleAnalyzer.GetSampleArticle()));
        int received = 0;

        OperationCanceledException ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (ArticleAnalysis _ in analyzer.AnalyzeManyAsync(source, cts.Token))
            {
                received++;
                if (received == 3)
                {
                    await cts.CancelAsync();
                }
            }
        });

        // Nothing outlives the enumeration: checked at once, without waiting.
        Assert.Equal(0, analyzer.RunningBatchAnalyses);
        Assert.True(source.Disposed, "the source was not disposed");
        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Equal(3, received);

        // The window was full when the caller cancelled; nothing was pulled after that.
        int pulled = source.Pulled;
        Assert.InRange(pulled, received, received + (2 * 2) + 1);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.Equal(pulled, source.Pulled);
        Assert.Equal(0, analyzer.RunningBatchAnalyses);
    }

    [Fact]
    public async Task AnalyzeManyAsync_ConsumerStopsEarly_DisposesSourceAndLeavesNothingRunning()
    {
        ArticleAnalyzer analyzer = ArticleAnalyzer.Create(new ArticleAnalyzerOptions { MaxDegreeOfParallelism = 2 });
        var source = new ObservedSource(analyzer, Endless(ArticleAnalyzer.GetSampleArticle()));
        await foreach (ArticleAnalysis _ in analyzer.AnalyzeManyAsync(source, TestContext.Current.CancellationToken))
        {
            break;
        }

        Assert.Equal(0, analyzer.RunningBatchAnalyses);
        Assert.True(source.Disposed);
    }

    [Fact]
    public async Task AnalyzeManyAsync_SourceFails_DeliversEarlierResultsThenTheFailure()
    {
        ArticleAnalyzer analyzer = ArticleAnalyzer.Create(new ArticleAnalyzerOptions { MaxDegreeOfParallelism = 2 });
        int received = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (ArticleAnalysis _ in analyzer.AnalyzeManyAsync(Failing(3), TestContext.Current.CancellationToken))
            {
                received++;
            }
        });

        Assert.Equal(3, received);
        Assert.Equal(0, analyzer.RunningBatchAnalyses);
    }

    [Fact]
    public async Task AnalyzeManyAsync_AlreadyCancelled_ThrowsWithoutPulling()
    {
        ArticleAnalyzer analyzer = ArticleAnalyzer.CreateDefault();
        var source = new ObservedSource(analyzer, Endless("Text."));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (ArticleAnalysis _ in analyzer.AnalyzeManyAsync(source, new CancellationToken(canceled: true)))
            {
            }
        });

        Assert.Equal(0, source.Pulled);
    }

    [Fact]
    public void AnalyzeManyAsync_NullSource_ThrowsArgumentNullAtOnce()
    {
        ArticleAnalyzer analyzer = ArticleAnalyzer.CreateDefault();
        Assert.Throws<ArgumentNullException>(() => analyzer.AnalyzeManyAsync((IEnumerable<string>)null!, TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentNullException>(() => analyzer.AnalyzeManyAsync((IAsyncEnumerable<string>)null!, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AnalyzeManyAsync_NullItemInAsyncSource_ThrowsArgumentNullAndLeavesNothingRunning()
    {
        ArticleAnalyzer analyzer = ArticleAnalyzer.CreateDefault();
        await Assert.ThrowsAsync<ArgumentNullException>(async () =>
        {
            await foreach (ArticleAnalysis _ in analyzer.AnalyzeManyAsync(WithNull(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken))
            {
            }
        });

        Assert.Equal(0, analyzer.RunningBatchAnalyses);
    }

    /// <summary>Texts of every kind the property tests generate, from a fixed seed so a failure replays.</summary>
    private static string[] BuildTexts()
    {
        Gen<string> any = Gen.OneOf(NewsText.Article, TextGen.Chaos, TextGen.QuoteStorm, TextGen.MixedScripts, TextGen.LoneSurrogates);
        string[] generated = Check.Single(any.Array[60], _ => true, "fuS57Q9gqzg1");
        return [ArticleAnalyzer.GetSampleArticle(), string.Empty, .. generated];
    }

    private static IEnumerable<string> Repeat(string text, int count)
    {
        for (int i = 0; i < count; i++)
        {
            yield return text;
        }
    }

    private static IEnumerable<string> Endless(string text)
    {
        while (true)
        {
            yield return text;
        }
    }

    private static async IAsyncEnumerable<string> Failing(int good)
    {
        for (int i = 0; i < good; i++)
        {
            await Task.Yield();
            yield return $"Text number {i}.";
        }

        throw new InvalidOperationException("the source broke");
    }

    private static async IAsyncEnumerable<string> WithNull([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return "First text.";
        await Task.Delay(1, cancellationToken);
        yield return null!;
        yield return "Never analysed.";
    }

    /// <summary>
    /// An asynchronous source that counts what the batch pulls, samples how many analyses are running
    /// each time it is asked for another text, and records its disposal.
    /// </summary>
    private sealed class ObservedSource(ArticleAnalyzer analyzer, IEnumerable<string> texts) : IAsyncEnumerable<string>
    {
        private int _pulled;
        private int _consumed;
        private int _maxRunning;
        private int _maxAhead;

        public int Pulled => Volatile.Read(ref _pulled);

        public int MaxRunning => Volatile.Read(ref _maxRunning);

        public int MaxAhead => Volatile.Read(ref _maxAhead);

        public bool Disposed { get; private set; }

        /// <summary>Called by the consumer for each result: samples the running count again.</summary>
        public void Observe()
        {
            Interlocked.Increment(ref _consumed);
            Sample();
        }

        public async IAsyncEnumerator<string> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            try
            {
                foreach (string text in texts)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Sample();
                    int pulled = Interlocked.Increment(ref _pulled);
                    int ahead = pulled - Volatile.Read(ref _consumed);
                    InterlockedMax(ref _maxAhead, ahead);
                    await Task.Yield();
                    yield return text;
                }
            }
            finally
            {
                Disposed = true;
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int current = Volatile.Read(ref target);
            while (value > current)
            {
                int seen = Interlocked.CompareExchange(ref target, value, current);
                if (seen == current)
                {
                    return;
                }

                current = seen;
            }
        }

        private void Sample() => InterlockedMax(ref _maxRunning, analyzer.RunningBatchAnalyses);
    }
}
