using BenchmarkDotNet.Attributes;

namespace NewsExtract.Benchmarks;

/// <summary>
/// Whole-analysis throughput on a corpus of separate news-like articles: one core, one article after
/// another (the baseline), against the batch API on all cores. The <c>tokens/s</c> column is the
/// corpus token count divided by the mean time; the ratio column is the batch speed-up.
/// </summary>
[ThroughputColumns]
public class BatchBenchmarks
{
    /// <summary>The number of articles in the corpus (0.88 MB of text, 171,618 tokens with the first tokenizer).</summary>
    public const int ArticleCount = 600;

    private static readonly Lazy<string[]> s_corpus = new(() => NewsLikeText.BuildArticles(ArticleCount));

    private readonly ArticleAnalyzer _sequential = ArticleAnalyzer.Create(new ArticleAnalyzerOptions { MaxDegreeOfParallelism = 1 });
    private readonly ArticleAnalyzer _parallel = ArticleAnalyzer.CreateDefault();

    /// <summary>Gets the corpus, built deterministically (the same in the host and in the benchmark process).</summary>
    public static string[] Corpus => s_corpus.Value;

    [GlobalSetup]
    public void Setup() => _sequential.Analyze(Corpus[0]);

    [Benchmark(Baseline = true)]
    public int OneCoreSequential()
    {
        int mentions = 0;
        foreach (string text in Corpus)
        {
            mentions += _sequential.Analyze(text).Mentions.Count;
        }

        return mentions;
    }

    /// <summary>The batch API held to one worker: its overhead over the plain loop.</summary>
    [Benchmark]
    public Task<int> OneWorkerBatch() => Batch(_sequential);

    [Benchmark]
    public Task<int> AllCoresBatch() => Batch(_parallel);

    private static async Task<int> Batch(ArticleAnalyzer analyzer)
    {
        int mentions = 0;
        await foreach (ArticleAnalysis analysis in analyzer.AnalyzeManyAsync(Corpus).ConfigureAwait(false))
        {
            mentions += analysis.Mentions.Count;
        }

        return mentions;
    }
}
