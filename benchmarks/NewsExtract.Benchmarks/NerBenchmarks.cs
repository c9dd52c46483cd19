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
/// <see cref="Model"/>: the built-in default and open models and, when the environment variable
/// <c>NEWSEXTRACT_BASELINE_MODEL</c> names a model file (e.g. an earlier model from git history, see
/// docs/performance.md), that model as "baseline", so before and after are measured in one run.
/// </summary>
public class NerBenchmarks
{
    private const string BaselineVariable = "NEWSEXTRACT_BASELINE_MODEL";
    private EntityRecognizer _recognizer = new();
    private ArticleAnalyzer _analyzer = ArticleAnalyzer.CreateDefault();
    private NerModel _model = NerModel.Default;
    private string _text = string.Empty;
    private AnalysisDocument _document = new(string.Empty);
    private NerInput _input = new(string.Empty, [], []);
    private int[] _tags = [];
    private float[] _confidence = [];
    private byte[] _modelBytes = [];

    /// <summary>Gets or sets the model measured: default, open or baseline.</summary>
    [ParamsSource(nameof(Models))]
    public string Model { get; set; } = "default";

    /// <summary>Gets the models to measure: the built-in ones, plus the baseline when its file is given.</summary>
    public static IEnumerable<string> Models
        => Environment.GetEnvironmentVariable(BaselineVariable) is { Length: > 0 } ? ["baseline", "default", "open"] : ["default", "open"];

    /// <summary>Gets the number of (tokenizer) tokens per operation.</summary>
    public int TokenCount => _document.Tokens.Length;

    [GlobalSetup]
    public void Setup()
    {
        var sb = new StringBuilder();
        string sample = ArticleAnalyzer.GetSampleArticle();
        for (int i = 0; i < 20; i++)
        {
            sb.Append(sample).Append("\n\n");
        }

        _model = Model switch
        {
            "baseline" => NerModel.Load(Environment.GetEnvironmentVariable(BaselineVariable)!),
            "open" => NerModel.Open,
            _ => NerModel.Default,
        };
        _recognizer = new EntityRecognizer(_model, null);
        ArticleAnalyzerOptions options = Model switch
        {
            "baseline" => new ArticleAnalyzerOptions { EntityModelPath = Environment.GetEnvironmentVariable(BaselineVariable) },
            "open" => new ArticleAnalyzerOptions { EntityModel = EntityModelKind.Open },
            _ => ArticleAnalyzerOptions.Default,
        };
        _analyzer = ArticleAnalyzer.Create(options);
        _text = sb.ToString();
        _document = new AnalysisDocument(_text);
        _document.SetLayout(new ArticleStructureParser().Parse(_text));
        _document.SetTokens(TextTokenizer.Tokenize(_text));
        _document.SetSentences(new SentenceSplitter().Split(_text, _document.Tokens, _document.Layout));
        _input = EntityRecognizer.BuildInput(_document.Text, _document.Layout, _document.Tokens, _document.Sentences);
        _tags = new int[_input.Tokens.Length];
        _confidence = new float[_input.Tokens.Length];
        using var stream = new MemoryStream();
        _model.Write(stream);
        _modelBytes = stream.ToArray();
        Console.WriteLine($"// NerBenchmarks({Model}): {TokenCount} tokens per operation, model {_modelBytes.Length} bytes");
    }

    [Benchmark(Baseline = true)]
    public int Tokenize() => TextTokenizer.Tokenize(_text).Length;

    /// <summary>Both passes of the tagger over preallocated outputs.</summary>
    [Benchmark]
    public int Tag()
    {
        NerTagger.Tag(_model, _input, _tags, _confidence);
        return _tags[^1];
    }

    /// <summary>The whole stage: tagging, spans, document consistency, mentions.</summary>
    [Benchmark]
    public int Recognize() => _recognizer.Recognize(_document.Text, _document.Layout, _document.Tokens, _document.Sentences).Length;

    /// <summary>The whole analysis (all stages) of the same text with this model.</summary>
    [Benchmark]
    public int Analyze() => _analyzer.Analyze(_text).Mentions.Count;

    /// <summary>Reading the model from its compressed bytes (what the lazy first use costs).</summary>
    [Benchmark]
    public int LoadModel() => NerModel.Read(new MemoryStream(_modelBytes), "benchmark").Labels;
}
