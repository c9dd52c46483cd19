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
            Assert.Contains("format version 1", result.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TrainNer_MissingRequiredOptions_ExitsTwo()
        => Assert.Equal(2, CliRunner.Run(null, "train", "ner", "--train", "x.conll").ExitCode);
}
