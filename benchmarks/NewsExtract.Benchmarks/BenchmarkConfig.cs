using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;

namespace NewsExtract.Benchmarks;

/// <summary>MemoryDiagnoser, GitHub markdown reports, and a Short, Standard or Dry job chosen by <c>--job</c>.</summary>
public static class BenchmarkConfig
{
    public static IConfig Create(string[] args)
    {
        ManualConfig config = ManualConfig.CreateEmpty()
            .AddColumnProvider(DefaultConfig.Instance.GetColumnProviders().ToArray())
            .AddLogger(DefaultConfig.Instance.GetLoggers().ToArray())
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(MarkdownExporter.GitHub);
        bool explicitJob = Array.Exists(args, a => a is "--job" or "-j" or "--dry");
        if (!explicitJob)
        {
            config.AddJob(Job.ShortRun);
        }

        return config;
    }
}
