using BenchmarkDotNet.Attributes;
using NewsExtract.Entities;
using NewsExtract.Internal;
using NewsExtract.Resolution;
using NewsExtract.Structure;
using NewsExtract.Text.Sentences;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Benchmarks;

/// <summary>
/// Entity resolution (cleaning, clustering, roles) of the sample article repeated 20 times, against a
/// baseline that only groups mentions with the same text and type.
/// </summary>
public class ResolutionBenchmarks
{
    private readonly EntityResolver _resolver = new();
    private AnalysisDocument _template = new(string.Empty);

    [GlobalSetup]
    public void Setup()
    {
        string text = string.Join("\n\n", Enumerable.Repeat(ArticleAnalyzer.GetSampleArticle(), 20));
        var document = new AnalysisDocument(text);
        document.Layout = new ArticleStructureParser().Parse(text);
        document.Tokens = TextTokenizer.Tokenize(text);
        document.Sentences = new SentenceSplitter().Split(text, document.Tokens, document.Layout);
        document.Mentions = new EntityRecognizer().Recognize(document);
        _template = document;
    }

    [Benchmark(Baseline = true)]
    public int ExactTextGrouping()
    {
        var groups = new Dictionary<(string, EntityType), int>();
        foreach (MentionInfo m in _template.Mentions)
        {
            groups.TryAdd((_template.Text.Substring(m.Start, m.End - m.Start), m.Type), groups.Count);
        }

        return groups.Count;
    }

    [Benchmark]
    public int Resolve()
    {
        var document = new AnalysisDocument(_template.Text)
        {
            Layout = _template.Layout,
            Tokens = _template.Tokens,
            Sentences = _template.Sentences,
            Mentions = (MentionInfo[])_template.Mentions.Clone(),
        };
        _resolver.Resolve(document);
        return document.Entities.Length;
    }
}
