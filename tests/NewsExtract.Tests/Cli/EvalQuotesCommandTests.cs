using System.Text.Json;
using NewsExtract.Tests.Infrastructure;

namespace NewsExtract.Tests.Cli;

public class EvalQuotesCommandTests
{
    private const string Text = "Harbor council approves budget\n\n\"We kept every promise we made,\" Mayor Lena Ortiz said on Monday.\n\nOrtiz said the city would hire 40 more nurses.";

    private static string WriteGold(string dir)
    {
        int open = Text.IndexOf("We kept", StringComparison.Ordinal);
        int close = Text.IndexOf("made,", StringComparison.Ordinal) + "made,".Length;
        int reported = Text.IndexOf("the city would", StringComparison.Ordinal);
        var article = new
        {
            id = "ours-1",
            text = Text,
            quotes = new object[]
            {
                new { start = open, end = close, text = Text[open..close], kind = "Direct", speaker = new { name = "Lena Ortiz" } },
                new { start = reported, end = Text.Length - 1, text = Text[reported..^1], kind = "Indirect", speaker = new { name = "Lena Ortiz" } },
            },
        };
        string path = Path.Combine(dir, "gold.jsonl");
        File.WriteAllText(path, JsonSerializer.Serialize(article) + "\n");
        return path;
    }

    [Fact]
    public void EvalQuotes_ModelTrainedByTrainQuotes_ScoresWithIt()
    {
        string dir = Directory.CreateTempSubdirectory("newsextract-evalquotes-").FullName;
        try
        {
            string gold = WriteGold(dir);
            string model = Path.Combine(dir, "speakers.bin");
            CliRunner.Result train = CliRunner.Run(null, "train", "quotes", "--jsonl", gold, "--out", model);
            Assert.Equal(0, train.ExitCode);

            CliRunner.Result result = CliRunner.Run(null, "eval", "quotes", "--jsonl", gold, "--model", model);

            Assert.Equal(0, result.ExitCode);
            string[] lines = result.StdOut.TrimEnd('\n').Split('\n');
            Assert.Matches(@"^quote F1: \d+\.\d\d speaker accuracy: \d+\.\d\d$", lines[^1]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void EvalQuotes_ModelFileThatIsNoModel_FailsWithAMessage()
    {
        string dir = Directory.CreateTempSubdirectory("newsextract-evalquotes-").FullName;
        try
        {
            string gold = WriteGold(dir);
            string notModel = Path.Combine(dir, "not-a-model.bin");
            File.WriteAllText(notModel, "these are not the bytes of a speaker model");

            CliRunner.Result result = CliRunner.Run(null, "eval", "quotes", "--jsonl", gold, "--model", notModel);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("is not a speaker model", result.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void EvalQuotes_ModelWithFolds_IsRefused()
    {
        string dir = Directory.CreateTempSubdirectory("newsextract-evalquotes-").FullName;
        try
        {
            string gold = WriteGold(dir);

            CliRunner.Result result = CliRunner.Run(null, "eval", "quotes", "--jsonl", gold, "--model", gold, "--folds", "2");

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("cannot be combined with --folds", result.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
