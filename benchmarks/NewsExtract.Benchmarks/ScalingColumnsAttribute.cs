using BenchmarkDotNet.Attributes;

namespace NewsExtract.Benchmarks;

/// <summary>Adds the time and allocation per MB columns to a benchmark class with a <c>Size</c> parameter.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ScalingColumnsAttribute : ColumnConfigBaseAttribute
{
    public ScalingColumnsAttribute()
        : base(new PerMegabyteColumn(allocation: false), new PerMegabyteColumn(allocation: true))
    {
    }
}
