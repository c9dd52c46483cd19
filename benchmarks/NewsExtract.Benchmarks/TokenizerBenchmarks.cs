using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;
using NewsExtract.Internal;
using NewsExtract.Structure;
using NewsExtract.Text.Sentences;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Benchmarks;

/// <summary>
/// Tokenizer and sentence splitter throughput on at least 1 MB of English text (<see cref="BenchmarkCorpus"/>),
/// against Lucene.NET's StandardTokenizer (the baseline), a naive Regex tokenizer and string.Split.
/// The MB/s and Mtok/s columns divide the corpus size (UTF-8 bytes) and each method's own token count by the mean time.
/// </summary>
[Config(typeof(Throughput))]
public class TokenizerBenchmarks
{
    private static readonly Regex s_naive = new(@"\w+|[^\w\s]", RegexOptions.Compiled | RegexOptions.CultureInvariant);
    private readonly SentenceSplitter _splitter = new();

    /// <summary>The shipped model without its first-stage gate: every candidate scored in full (the splitter before the gate).</summary>
    private readonly SentenceSplitter _ungated = new(SentenceModel.Default.WithGate([], 0));
    private string _text = string.Empty;
    private Token[] _tokens = [];
    private ArticleLayout? _layout;

    [GlobalSetup]
    public void Setup()
    {
        _text = BenchmarkCorpus.Text;
        _tokens = TextTokenizer.Tokenize(_text);
        _layout = PlainTextLayout.Create(_text);
        Console.WriteLine($"// corpus: {BenchmarkCorpus.Source}, {_text.Length} chars, {BenchmarkCorpus.Utf8Bytes} UTF-8 bytes");
    }

    /// <summary>Enumerates all tokens with the span enumerator: must allocate nothing.</summary>
    [Benchmark]
    public int EnumerateTokens() => TextTokenizer.CountTokens(_text);

    /// <summary>Tokens as an array (the pipeline's form).</summary>
    [Benchmark]
    public int TokenizeToArray() => TextTokenizer.Tokenize(_text).Length;

    /// <summary>Tokens, paragraphs at blank lines, and sentences: the whole first stage.</summary>
    [Benchmark]
    public int TokenizeAndSplitSentences()
    {
        Token[] tokens = TextTokenizer.Tokenize(_text);
        ArticleLayout layout = PlainTextLayout.Create(_text);
        SentenceInfo[] sentences = _splitter.Split(_text, tokens, layout);
        return sentences.Length;
    }

    /// <summary>The same, with every candidate scored by the full model (no gate): the splitter as it was before the gate.</summary>
    [Benchmark]
    public int TokenizeAndSplitSentencesUngated()
    {
        Token[] tokens = TextTokenizer.Tokenize(_text);
        ArticleLayout layout = PlainTextLayout.Create(_text);
        SentenceInfo[] sentences = _ungated.Split(_text, tokens, layout);
        return sentences.Length;
    }

    /// <summary>The sentence splitter alone, on tokens and layout computed once.</summary>
    [Benchmark]
    public int SplitSentences() => _splitter.Split(_text, _tokens, _layout!).Length;

    /// <summary>The splitter alone without the gate.</summary>
    [Benchmark]
    public int SplitSentencesUngated() => _ungated.Split(_text, _tokens, _layout!).Length;

    [Benchmark(Baseline = true)]
    public int LuceneStandardTokenizer() => CountLucene(_text);

    [Benchmark]
    public int NaiveRegex() => CountRegex(_text);

    [Benchmark]
    public int StringSplit() => CountSplit(_text);

    internal static int CountLucene(string text)
    {
        using var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, new StringReader(text));
        tokenizer.Reset();
        int count = 0;
        while (tokenizer.IncrementToken())
        {
            count++;
        }

        tokenizer.End();
        return count;
    }

    internal static int CountRegex(string text)
    {
        int count = 0;
        foreach (ValueMatch match in s_naive.EnumerateMatches(text))
        {
            _ = match;
            count++;
        }

        return count;
    }

    internal static int CountSplit(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The default config plus the throughput columns.</summary>
    private sealed class Throughput : ManualConfig
    {
        public Throughput()
        {
            AddColumn(new ThroughputColumn(tokens: false), new ThroughputColumn(tokens: true));
        }
    }
}
