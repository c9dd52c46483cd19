using BenchmarkDotNet.Attributes;
using NewsExtract.Rendering;

namespace NewsExtract.Benchmarks;

/// <summary>
/// The HTML page of the embedded sample article against its JSON (the baseline: the other way the
/// CLI writes the same analysis). The analysis is computed once; only the writing is measured.
/// </summary>
public class RenderingBenchmarks
{
    private string _text = string.Empty;
    private ArticleAnalysis _analysis = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = ArticleAnalyzer.GetSampleArticle();
        _analysis = ArticleAnalyzer.CreateDefault().Analyze(_text);
    }

    [Benchmark(Baseline = true)]
    public int Json() => ArticleAnalysisJson.Serialize(_analysis).Length;

    [Benchmark]
    public int Html() => ArticleHtmlRenderer.Render(_text, _analysis).Length;
}
