using BenchmarkDotNet.Attributes;

namespace NewsExtract.Benchmarks;

/// <summary>
/// The whole analysis of one news-like input of 10 KB to 10 MB (UTF-16 characters, ASCII-heavy, so
/// about as many UTF-8 bytes). Time and allocation per MB (the <c>per MB</c> columns) must stay flat:
/// a rising column is a super-linear stage. The 10 KB case is the baseline.
/// </summary>
[ScalingColumns]
public class ScalingBenchmarks
{
    private readonly ArticleAnalyzer _analyzer = ArticleAnalyzer.CreateDefault();
    private string _text = string.Empty;

    [Params(10_000, 100_000, 1_000_000, 10_000_000)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = NewsLikeText.Build(Size);

        // Warm the lazily loaded models outside the measurement.
        _analyzer.Analyze(ArticleAnalyzer.GetSampleArticle());
    }

    [Benchmark]
    public int AnalyzeWhole() => _analyzer.Analyze(_text).Mentions.Count;
}
