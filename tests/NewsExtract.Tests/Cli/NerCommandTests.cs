using NewsExtract.Tests.Infrastructure;

namespace NewsExtract.Tests.Cli;

public class NerCommandTests
{
    [Fact]
    public void EvalNer_SmallGoldFile_PrintsScoresEndingWithMicroF1()
    {
        string path = Path.Combine(Path.GetTempPath(), $"newsextract-eval-{Environment.ProcessId}.conll");
        File.WriteAllText(path, "-DOCSTART-\tO\n\nAngela\tB-PER\nMerkel\tI-PER\nvisited\tO\nParis\tB-LOC\n.\tO\n");
        try
        {
            CliRunner.Result result = CliRunner.Run(null, "eval", "ner", "--conll", path);

            Assert.Equal(0, result.ExitCode);
            string[] lines = result.StdOut.TrimEnd('\n').Split('\n');
            Assert.Matches(@"^micro F1: \d+\.\d\d$", lines[^1]);
            Assert.Contains(lines, l => l.StartsWith("PER ", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void EvalNerAll_DataFolderWithOneSet_PrintsItsRowAndTheMean()
    {
        string dir = Directory.CreateTempSubdirectory("newsextract-evalall-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "wikigold"));
            File.WriteAllText(Path.Combine(dir, "wikigold", "test.conll"), "-DOCSTART-\tO\n\nAngela\tB-PER\nMerkel\tI-PER\nvisited\tO\nParis\tB-LOC\n.\tO\n");

            CliRunner.Result result = CliRunner.Run(null, "eval", "ner", "--all", "--data", dir, "--calibration");

            Assert.Equal(0, result.ExitCode);
            string[] lines = result.StdOut.TrimEnd('\n').Split('\n');
            Assert.Matches(@"^mean F1 \(1 sets\): \d+\.\d\d$", lines[^1]);
            Assert.Contains(lines, l => l.StartsWith("| Wikigold |", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("| confidence |", StringComparison.Ordinal));
            Assert.Contains("not found; skipped", result.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void EvalNerAll_Timing_PrintsLoadAndThroughputToStderrOnly()
    {
        string dir = Directory.CreateTempSubdirectory("newsextract-evaltiming-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "wikigold"));
            File.WriteAllText(Path.Combine(dir, "wikigold", "test.conll"), "-DOCSTART-\tO\n\nAngela\tB-PER\nMerkel\tI-PER\nvisited\tO\nParis\tB-LOC\n.\tO\n");

            CliRunner.Result result = CliRunner.Run(null, "eval", "ner", "--all", "--data", dir, "--timing");

            Assert.Equal(0, result.ExitCode);
            Assert.Matches(@"timing: model load \d+ ms wall, \d+ ms CPU; tagging and scoring 5 tokens: ", result.StdErr);
            Assert.DoesNotContain("timing:", result.StdOut, StringComparison.Ordinal);
            Assert.Matches(@"mean F1 \(1 sets\): \d+\.\d\d\n$", result.StdOut);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void EvalNer_NeitherConllNorAll_ExitsTwo()
        => Assert.Equal(2, CliRunner.Run(null, "eval", "ner").ExitCode);

    [Fact]
    public void EvalNer_MissingFile_ExitsOneWithOneLine()
    {
        CliRunner.Result result = CliRunner.Run(null, "eval", "ner", "--conll", "/no/such/file.conll");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.StdErr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void EvalNer_NotAModel_ExitsOneNamingFormatVersion()
    {
        string path = Path.Combine(Path.GetTempPath(), $"newsextract-notmodel-{Environment.ProcessId}.conll");
        File.WriteAllText(path, "Paris\tB-LOC\n");
        try
        {
            CliRunner.Result result = CliRunner.Run(null, "eval", "ner", "--conll", path, "--model", path);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("format version 2", result.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TrainNer_MissingRequiredOptions_ExitsTwo()
        => Assert.Equal(2, CliRunner.Run(null, "train", "ner", "--train", "x.conll").ExitCode);

    [Fact]
    public void TrainAverage_ModelsOfDifferentKnowledge_ExitsOneSayingWhatDiffers()
    {
        // The built-in default and licence-clean models use different gazetteer lists and clusters.
        CliRunner.Result result = CliRunner.Run(null, "train", "average", "--model", "default", "open", "--dev", "/no/such/dev.conll", "--out", "/no/such/out.bin");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot average: open has other", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainAverage_OneModel_ExitsOne()
    {
        CliRunner.Result result = CliRunner.Run(null, "train", "average", "--model", "default", "--dev", "/no/such/dev.conll", "--out", "/no/such/out.bin");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("at least two models", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainAverage_MissingDev_ExitsTwo()
        => Assert.Equal(2, CliRunner.Run(null, "train", "average", "--model", "a.bin", "b.bin", "--out", "c.bin").ExitCode);
}
