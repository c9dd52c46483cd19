using BenchmarkDotNet.Running;

namespace NewsExtract.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/NewsExtract.Benchmarks -- --filter *</c>.
/// <c>--job short</c> (the default here) is quick; <c>--job standard</c> is for published numbers; <c>--dry</c> for CI.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
        => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchmarkConfig.Create(args));
}
