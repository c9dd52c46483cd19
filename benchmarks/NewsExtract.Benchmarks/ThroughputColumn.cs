using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Benchmarks;

/// <summary>
/// MB/s (UTF-8 megabytes of <see cref="BenchmarkCorpus"/> per second) or Mtok/s (millions of the
/// method's own tokens per second) of a <see cref="TokenizerBenchmarks"/> row, from its mean time.
/// </summary>
internal sealed class ThroughputColumn : IColumn
{
    private readonly bool _tokens;

    public ThroughputColumn(bool tokens)
    {
        _tokens = tokens;
    }

    public string Id => _tokens ? "Mtok/s" : "MB/s";

    public string ColumnName => Id;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => _tokens ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => _tokens
        ? "Millions of tokens per second (each method's own token count over the corpus)"
        : "Megabytes (10^6 bytes of UTF-8) of the corpus per second";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        BenchmarkReport? report = summary[benchmarkCase];
        double? nanoseconds = report?.ResultStatistics?.Mean;
        if (nanoseconds is not > 0)
        {
            return "-";
        }

        double seconds = nanoseconds.Value / 1e9;
        if (!_tokens)
        {
            return (BenchmarkCorpus.Utf8Bytes / 1e6 / seconds).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        }

        int tokens = benchmarkCase.Descriptor.WorkloadMethod.Name switch
        {
            nameof(TokenizerBenchmarks.LuceneStandardTokenizer) => TokenizerBenchmarks.CountLucene(BenchmarkCorpus.Text),
            nameof(TokenizerBenchmarks.NaiveRegex) => TokenizerBenchmarks.CountRegex(BenchmarkCorpus.Text),
            nameof(TokenizerBenchmarks.StringSplit) => TokenizerBenchmarks.CountSplit(BenchmarkCorpus.Text),
            _ => TextTokenizer.CountTokens(BenchmarkCorpus.Text),
        };
        return (tokens / 1e6 / seconds).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public override string ToString() => ColumnName;
}
