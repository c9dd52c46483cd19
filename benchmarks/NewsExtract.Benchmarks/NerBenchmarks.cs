using System.Text;
using BenchmarkDotNet.Attributes;
using NewsExtract.Entities;
using NewsExtract.Internal;
using NewsExtract.Structure;
using NewsExtract.Text.Sentences;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Benchmarks;

/// <summary>
/// The entity tagger on the sample article repeated 20 times (one long document): tokenizing the same
/// text is the baseline; tokens per second = <see cref="TokenCount"/> / mean time. Also the model load.
/// </summary>
public class NerBenchmarks
{
    private readonly EntityRecognizer _recognizer = new();
    private string _text = string.Empty;
    private AnalysisDocument _document = new(string.Empty);
    private NerInput _input = new(string.Empty, [], []);
    private int[] _tags = [];
    private float[] _confidence = [];
    private byte[] _modelBytes = [];

    /// <summary>Gets the number of tokens tagged per operation.</summary>
    public int TokenCount => _input.Tokens.Length;

    [GlobalSetup]
    public void Setup()
    {
        var sb = new StringBuilder();
        string sample = ArticleAnalyzer.GetSampleArticle();
        for (int i = 0; i < 20; i++)
        {
            sb.Append(sample).Append("\n\n");
        }

        _text = sb.ToString();
        _document = new AnalysisDocument(_text);
        _document.SetLayout(new ArticleStructureParser().Parse(_text));
        _document.SetTokens(TextTokenizer.Tokenize(_text));
        _document.SetSentences(new SentenceSplitter().Split(_text, _document.Tokens, _document.Layout));
        _input = EntityRecognizer.BuildInput(_document);
        _tags = new int[_input.Tokens.Length];
        _confidence = new float[_input.Tokens.Length];
        using var stream = new MemoryStream();
        NerModel.Default.Write(stream);
        _modelBytes = stream.ToArray();
        Console.WriteLine($"// NerBenchmarks: {TokenCount} tokens per operation, model {_modelBytes.Length} bytes");
    }

    [Benchmark(Baseline = true)]
    public int Tokenize() => TextTokenizer.Tokenize(_text).Length;

    /// <summary>Both passes of the tagger over preallocated outputs.</summary>
    [Benchmark]
    public int Tag()
    {
        NerTagger.Tag(NerModel.Default, _input, _tags, _confidence);
        return _tags[^1];
    }

    /// <summary>The whole stage: tagging, spans, document consistency, mentions.</summary>
    [Benchmark]
    public int Recognize() => _recognizer.Recognize(_document).Length;

    /// <summary>Reading the model from its compressed bytes (what the lazy first use costs).</summary>
    [Benchmark]
    public int LoadModel() => NerModel.Read(new MemoryStream(_modelBytes), "benchmark").Labels;
}
