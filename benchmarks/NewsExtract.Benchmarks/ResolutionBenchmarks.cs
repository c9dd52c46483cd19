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
        document.SetLayout(new ArticleStructureParser().Parse(text));
        document.SetTokens(TextTokenizer.Tokenize(text));
        document.SetSentences(new SentenceSplitter().Split(text, document.Tokens, document.Layout));
        document.SetRawMentions(new EntityRecognizer().Recognize(document.Text, document.Layout, document.Tokens, document.Sentences));
        _template = document;
    }

    [Benchmark(Baseline = true)]
    public int ExactTextGrouping()
    {
        var groups = new Dictionary<(string, EntityType), int>();
        foreach (MentionInfo m in _template.RawMentions)
        {
            groups.TryAdd((_template.Text.Substring(m.Start, m.End - m.Start), m.Type), groups.Count);
        }

        return groups.Count;
    }

    [Benchmark]
    public int Resolve()
    {
        // The resolver returns its own layer and leaves the raw mentions alone, so the template is reused as is.
        ResolutionLayer layer = _resolver.Resolve(_template.Text, _template.Layout, _template.Tokens, _template.Sentences, _template.RawMentions);
        return layer.Entities.Length;
    }
}
