using BenchmarkDotNet.Attributes;

namespace NewsExtract.Benchmarks;

/// <summary>The whole analysis of the embedded sample article.</summary>
public class EndToEndBenchmarks
{
    private readonly ArticleAnalyzer _analyzer = ArticleAnalyzer.CreateDefault();
    private string _text = string.Empty;

    [GlobalSetup]
    public void Setup() => _text = ArticleAnalyzer.GetSampleArticle();

    [Benchmark]
    public int AnalyzeSample() => _analyzer.Analyze(_text).Mentions.Count;
}
