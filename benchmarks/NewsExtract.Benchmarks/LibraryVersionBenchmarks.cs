using System.Reflection;
using System.Runtime.Loader;
using BenchmarkDotNet.Attributes;

namespace NewsExtract.Benchmarks;

/// <summary>
/// The whole analysis with two builds of the library in one run: the baseline is a NewsExtract.dll of
/// an earlier commit (path in <c>NEWSEXTRACT_BASELINE_LIB</c>), the other row the library this project
/// references; each is loaded into a load context of its own and called through a delegate. Without the
/// variable both rows run the referenced library (a control: the ratio should be 1).
/// Texts: the embedded sample article and, when ../shared is present, the seed article.
/// </summary>
public class LibraryVersionBenchmarks
{
    private Func<string, CancellationToken, object> _before = null!;
    private Func<string, CancellationToken, object> _after = null!;
    private string[] _texts = [];

    [GlobalSetup]
    public void Setup()
    {
        var texts = new List<string> { ArticleAnalyzer.GetSampleArticle() };
        string? seed = FindUp(Path.Combine("shared", "fixtures", "seed-article.txt"));
        if (seed is not null)
        {
            texts.Add(File.ReadAllText(seed));
        }

        _texts = [.. texts];

        // Both rows load their library the same way, each into a load context of its own and called through a
        // delegate: a control run with the same build on both sides showed the referenced (default-context)
        // copy about 1.5x slower than an isolated copy, an artefact that would swamp a before/after ratio.
        string current = typeof(ArticleAnalyzer).Assembly.Location;
        string? baseline = Environment.GetEnvironmentVariable("NEWSEXTRACT_BASELINE_LIB");
        if (string.IsNullOrEmpty(baseline))
        {
            Console.WriteLine("// NEWSEXTRACT_BASELINE_LIB is not set: the baseline row runs the referenced library.");
            baseline = current;
        }

        _before = Load("before", baseline);
        _after = Load("after", current);
    }

    private static Func<string, CancellationToken, object> Load(string name, string path)
    {
        Assembly library = new AssemblyLoadContext(name).LoadFromAssemblyPath(Path.GetFullPath(path));
        Type type = library.GetType("NewsExtract.ArticleAnalyzer", throwOnError: true)!;
        object analyzer = type.GetMethod("CreateDefault", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;
        MethodInfo analyze = type.GetMethod("Analyze", BindingFlags.Public | BindingFlags.Instance, [typeof(string), typeof(CancellationToken)])!;
        return analyze.CreateDelegate<Func<string, CancellationToken, object>>(analyzer);
    }

    [Benchmark(Baseline = true)]
    public object? Before() => Run(_before);

    [Benchmark]
    public object? After() => Run(_after);

    private object? Run(Func<string, CancellationToken, object> analyze)
    {
        object? last = null;
        foreach (string text in _texts)
        {
            last = analyze(text, CancellationToken.None);
        }

        return last;
    }

    private static string? FindUp(string relative)
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            string candidate = Path.Combine(dir, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
