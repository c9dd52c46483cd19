using BenchmarkDotNet.Attributes;

namespace NewsExtract.Benchmarks;

/// <summary>Adds the tokens per second column to <see cref="BatchBenchmarks"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ThroughputColumnsAttribute : ColumnConfigBaseAttribute
{
    public ThroughputColumnsAttribute()
        : base(new TokensPerSecondColumn())
    {
    }
}
