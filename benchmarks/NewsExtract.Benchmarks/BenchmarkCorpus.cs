using System.Text;

namespace NewsExtract.Benchmarks;

/// <summary>
/// At least 1 MB of English text for throughput benchmarks: the sentences of UD English EWT train
/// (the <c># text</c> lines, paragraphs separated by blank lines) when ../shared is present, otherwise
/// the embedded sample article repeated, so CI can still run the benchmarks without the data.
/// </summary>
internal static class BenchmarkCorpus
{
    public const int MinimumChars = 1 << 20;

    private static readonly Lazy<(string Text, string Source)> s_corpus = new(Build);

    public static string Text => s_corpus.Value.Text;

    public static string Source => s_corpus.Value.Source;

    /// <summary>The corpus size in bytes of UTF-8, the unit of the MB/s columns.</summary>
    public static int Utf8Bytes => Encoding.UTF8.GetByteCount(Text);

    private static (string Text, string Source) Build()
    {
        string? conllu = FindEwtTrain();
        var text = new StringBuilder(MinimumChars + 4096);
        string source;
        if (conllu is not null)
        {
            source = "UD EWT train # text";
            string[] lines = File.ReadAllLines(conllu);
            while (text.Length < MinimumChars)
            {
                foreach (string line in lines)
                {
                    if (line.StartsWith("# newpar", StringComparison.Ordinal) || line.StartsWith("# newdoc", StringComparison.Ordinal))
                    {
                        text.Append(text.Length == 0 ? string.Empty : "\n\n");
                    }
                    else if (line.StartsWith("# text = ", StringComparison.Ordinal))
                    {
                        if (text.Length > 0 && text[^1] != '\n')
                        {
                            text.Append(' ');
                        }

                        text.Append(line.AsSpan(9));
                    }
                }
            }
        }
        else
        {
            source = "embedded sample article, repeated";
            string sample = ArticleAnalyzer.GetSampleArticle();
            while (text.Length < MinimumChars)
            {
                text.Append(sample).Append("\n\n");
            }
        }

        return (text.ToString(), source);
    }

    private static string? FindEwtTrain()
    {
        string? env = Environment.GetEnvironmentVariable("NEWSEXTRACT_SHARED");
        var roots = new List<string>();
        if (!string.IsNullOrEmpty(env))
        {
            roots.Add(env);
        }

        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            string? dir = start;
            while (dir is not null)
            {
                if (File.Exists(Path.Combine(dir, "NewsExtract.sln")))
                {
                    roots.Add(Path.Combine(dir, "..", "shared"));
                    break;
                }

                dir = Path.GetDirectoryName(dir);
            }
        }

        foreach (string root in roots)
        {
            string path = Path.Combine(root, "data", "ud-ewt", "en_ewt-ud-train.conllu");
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
