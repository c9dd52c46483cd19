using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NewsExtract.Benchmarks;

/// <summary>
/// Mean time or allocated bytes divided by the input size in MB (10^6 characters), read from the
/// benchmark's <c>Size</c> parameter. Flat down the column means linear cost.
/// </summary>
public sealed class PerMegabyteColumn : IColumn
{
    private readonly bool _allocation;

    public PerMegabyteColumn(bool allocation) => _allocation = allocation;

    public string Id => nameof(PerMegabyteColumn) + (_allocation ? ".Alloc" : ".Time");

    public string ColumnName => _allocation ? "Alloc per MB" : "Time per MB";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => _allocation ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => _allocation ? "Allocated bytes per operation divided by the input size in MB" : "Mean time divided by the input size in MB";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        BenchmarkReport? report = summary[benchmarkCase];
        if (report?.ResultStatistics is null || benchmarkCase.Parameters["Size"] is not int size || size <= 0)
        {
            return "-";
        }

        double megabytes = size / 1_000_000.0;
        if (_allocation)
        {
            long? bytes = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
            return bytes is long b ? (b / megabytes / (1024.0 * 1024.0)).ToString("N1", CultureInfo.InvariantCulture) + " MiB" : "-";
        }

        return (report.ResultStatistics.Mean / megabytes / 1_000_000.0).ToString("N1", CultureInfo.InvariantCulture) + " ms";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
