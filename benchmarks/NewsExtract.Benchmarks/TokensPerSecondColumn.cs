using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NewsExtract.Benchmarks;

/// <summary>Throughput of <see cref="BatchBenchmarks"/>: the corpus token count divided by the mean time.</summary>
public sealed class TokensPerSecondColumn : IColumn
{
    private static readonly Lazy<int> s_tokens = new(CountTokens);

    public string Id => nameof(TokensPerSecondColumn);

    public string ColumnName => "Tokens/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Tokens in the {BatchBenchmarks.ArticleCount}-article corpus divided by the mean time";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        BenchmarkReport? report = summary[benchmarkCase];
        if (report?.ResultStatistics is null)
        {
            return "-";
        }

        double seconds = report.ResultStatistics.Mean / 1e9;
        return (s_tokens.Value / seconds).ToString("N0", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <summary>Counts tokens through the public API, so the count follows whatever tokenizer is current.</summary>
    private static int CountTokens()
    {
        var tokenizer = ArticleAnalyzer.Create(new ArticleAnalyzerOptions { Stages = AnalysisStages.Tokens, IncludeTokens = true });
        int count = 0;
        foreach (string text in BatchBenchmarks.Corpus)
        {
            count += tokenizer.Analyze(text).Tokens!.Count;
        }

        return count;
    }
}
