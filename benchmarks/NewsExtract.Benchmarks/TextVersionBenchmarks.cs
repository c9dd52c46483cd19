using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.Loader;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace NewsExtract.Benchmarks;

/// <summary>
/// The tokenizer and the sentence splitter of two builds of the library in one run, on the corpus of
/// <see cref="TokenizerBenchmarks"/>: the <c>Before</c> rows run a NewsExtract.dll of an earlier commit
/// (path in <c>NEWSEXTRACT_BASELINE_LIB</c>), the <c>After</c> rows the library this project references.
/// As in <see cref="LibraryVersionBenchmarks"/>, each build is loaded into a load context of its own and
/// called through a delegate, so both sides pay the same; without the variable both sides run the
/// referenced library (a control: every ratio should be 1).
/// </summary>
[Config(typeof(Columns))]
public class TextVersionBenchmarks
{
    private Side _before = null!;
    private Side _after = null!;

    [GlobalSetup]
    public void Setup()
    {
        string text = BenchmarkCorpus.Text;
        string current = typeof(ArticleAnalyzer).Assembly.Location;
        string? baseline = Environment.GetEnvironmentVariable("NEWSEXTRACT_BASELINE_LIB");
        if (string.IsNullOrEmpty(baseline))
        {
            Console.WriteLine("// NEWSEXTRACT_BASELINE_LIB is not set: the Before rows run the referenced library.");
            baseline = current;
        }

        _before = Side.Load("before", baseline, text);
        _after = Side.Load("after", current, text);
        Console.WriteLine($"// corpus: {BenchmarkCorpus.Source}, {text.Length} chars, {BenchmarkCorpus.Utf8Bytes} UTF-8 bytes");
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("EnumerateTokens")]
    public int EnumerateTokensBefore() => _before.CountTokens();

    [Benchmark]
    [BenchmarkCategory("EnumerateTokens")]
    public int EnumerateTokensAfter() => _after.CountTokens();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("TokenizeAndSplitSentences")]
    public int TokenizeAndSplitSentencesBefore() => _before.TokenizeAndSplit();

    [Benchmark]
    [BenchmarkCategory("TokenizeAndSplitSentences")]
    public int TokenizeAndSplitSentencesAfter() => _after.TokenizeAndSplit();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("SplitSentences")]
    public int SplitSentencesBefore() => _before.Split();

    [Benchmark]
    [BenchmarkCategory("SplitSentences")]
    public int SplitSentencesAfter() => _after.Split();

    private delegate int SpanCounter(ReadOnlySpan<char> text);

    /// <summary>One build's entry points, bound to the corpus.</summary>
    private sealed class Side
    {
        private readonly SpanCounter _count;
        private readonly string _text;

        private Side(SpanCounter count, string text, Func<int> tokenizeAndSplit, Func<int> split)
        {
            _count = count;
            _text = text;
            TokenizeAndSplit = tokenizeAndSplit;
            Split = split;
        }

        public Func<int> TokenizeAndSplit { get; }

        public Func<int> Split { get; }

        public int CountTokens() => _count(_text);

        public static Side Load(string name, string path, string text)
        {
            Assembly library = new AssemblyLoadContext(name).LoadFromAssemblyPath(Path.GetFullPath(path));
            const BindingFlags Static = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
            Type tokenizer = library.GetType("NewsExtract.Text.Tokenization.TextTokenizer", throwOnError: true)!;
            Type layoutType = library.GetType("NewsExtract.Text.Sentences.PlainTextLayout", throwOnError: true)!;
            Type splitterType = library.GetType("NewsExtract.Text.Sentences.SentenceSplitter", throwOnError: true)!;
            MethodInfo count = tokenizer.GetMethod("CountTokens", Static, [typeof(ReadOnlySpan<char>)])!;
            MethodInfo tokenize = tokenizer.GetMethod("Tokenize", Static, [typeof(string)])!;
            MethodInfo layout = layoutType.GetMethod("Create", Static, [typeof(string)])!;
            object splitter = Activator.CreateInstance(splitterType, nonPublic: true)!;
            MethodInfo split = splitterType.GetMethod("Split", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, [typeof(string), tokenize.ReturnType, layout.ReturnType])!;

            // () => splitter.Split(text, Tokenize(text), PlainTextLayout.Create(text)).Length, compiled against this build's types.
            ConstantExpression textConst = Expression.Constant(text);
            ConstantExpression splitterConst = Expression.Constant(splitter, splitterType);
            Func<int> tokenizeAndSplit = Expression.Lambda<Func<int>>(Expression.ArrayLength(Expression.Call(
                splitterConst, split, textConst, Expression.Call(tokenize, textConst), Expression.Call(layout, textConst)))).Compile();

            // The splitter alone, on tokens and layout computed once.
            object tokens = tokenize.Invoke(null, [text])!;
            object paragraphs = layout.Invoke(null, [text])!;
            Func<int> splitOnly = Expression.Lambda<Func<int>>(Expression.ArrayLength(Expression.Call(
                splitterConst, split, textConst, Expression.Constant(tokens, tokenize.ReturnType), Expression.Constant(paragraphs, layout.ReturnType)))).Compile();

            return new Side(count.CreateDelegate<SpanCounter>(), text, tokenizeAndSplit, splitOnly);
        }
    }

    /// <summary>The throughput columns, and each Before/After pair compared on its own.</summary>
    private sealed class Columns : ManualConfig
    {
        public Columns()
        {
            AddColumn(new ThroughputColumn(tokens: false));
            AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
        }
    }
}
