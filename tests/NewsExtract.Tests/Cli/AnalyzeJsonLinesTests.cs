using System.Text;
using System.Text.Json;
using NewsExtract.Tests.Infrastructure;

namespace NewsExtract.Tests.Cli;

/// <summary>
/// <c>analyze --input jsonl</c> (CONTRACT.md): one result line per good input line, in input order,
/// with the id and other fields carried over; bad lines reported on stderr with their line numbers;
/// exit code 1 when any line failed, 0 otherwise.
/// </summary>
public sealed class AnalyzeJsonLinesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("newsextract-jsonl-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Line(object id, string text, string extra = "")
        => "{\"id\":" + JsonSerializer.Serialize(id) + extra + ",\"text\":" + JsonSerializer.Serialize(text) + "}";

    private static string Article(int i)
        => $"Minister Anna Berg{i} visited Oslo on Monday. \"We will build {i} new schools,\" Berg{i} said. The plan was welcomed by the Teachers Union.";

    [Fact]
    public void JsonLines_ManyLines_ResultsInInputOrderMatchingSingleAnalysis()
    {
        var input = new StringBuilder();
        for (int i = 0; i < 40; i++)
        {
            input.Append(Line(i % 2 == 0 ? $"a{i}" : i, Article(i))).Append('\n');
        }

        CliRunner.Result result = CliRunner.Run(input.ToString(), "analyze", "--input", "jsonl", "-");

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.StdOut.TrimEnd('\n').Split('\n');
        Assert.Equal(40, lines.Length);
        var analyzer = ArticleAnalyzer.CreateDefault();
        for (int i = 0; i < 40; i++)
        {
            using JsonDocument doc = JsonDocument.Parse(lines[i]);
            JsonElement id = doc.RootElement.GetProperty("id");
            if (i % 2 == 0)
            {
                Assert.Equal($"a{i}", id.GetString());
            }
            else
            {
                Assert.Equal(i, id.GetInt32());
            }

            // The analysis part is the library's own JSON for the same text.
            using JsonDocument expected = JsonDocument.Parse(ArticleAnalysisJson.Serialize(analyzer.Analyze(Article(i), TestContext.Current.CancellationToken)));
            foreach (JsonProperty property in expected.RootElement.EnumerateObject())
            {
                Assert.Equal(property.Value.GetRawText(), doc.RootElement.GetProperty(property.Name).GetRawText());
            }

            Assert.False(doc.RootElement.TryGetProperty("text", out _));
        }
    }

    [Fact]
    public void JsonLines_OtherFields_PassedThroughAndCollisionsRenamed()
    {
        string input = Line("x1", Article(1), ",\"source\":\"wire\",\"meta\":{\"tags\":[\"a\",\"b\"],\"n\":null},\"title\":\"Given title\",\"published\":1.5e3") + "\n";

        CliRunner.Result result = CliRunner.Run(input, "analyze", "--input", "jsonl", "-");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(result.StdOut);
        JsonElement root = doc.RootElement;
        Assert.Equal("x1", root.GetProperty("id").GetString());
        Assert.Equal("wire", root.GetProperty("source").GetString());
        Assert.Equal("{\"tags\":[\"a\",\"b\"],\"n\":null}", root.GetProperty("meta").GetRawText());
        Assert.Equal("1.5e3", root.GetProperty("published").GetRawText());
        Assert.Equal("Given title", root.GetProperty("input.title").GetString());
        Assert.StartsWith("Minister Anna Berg1", root.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        string[] names = [.. root.EnumerateObject().Select(p => p.Name)];
        Assert.Equal(["id", "source", "meta", "input.title", "published", "schemaVersion"], names[..6]);
    }

    [Fact]
    public void JsonLines_BadLines_ReportedWithLineNumbersOthersAnalysedExitOne()
    {
        string[] input =
        [
            Line("ok1", Article(1)),          // 1
            "{\"id\":\"broken\",\"text\":",   // 2 invalid JSON
            "{\"id\":\"nt\"}",                // 3 no text
            Line("empty", "  "),              // 4 empty text
            "",                               // 5 blank: skipped
            "[1,2,3]",                        // 6 not an object
            "{\"text\":\"no id here\"}",      // 7 no id
            Line("big", new string('a', 3000)), // 8 over --max-text-size 2k
            Line("ok2", Article(2)),          // 9
            "{\"id\":5,\"text\":\"x\"} trailing", // 10 garbage after the object
        ];

        CliRunner.Result result = CliRunner.Run(string.Join('\n', input) + "\n", "analyze", "--input", "jsonl", "--max-text-size", "2k", "-");

        Assert.Equal(1, result.ExitCode);
        string[] outLines = result.StdOut.TrimEnd('\n').Split('\n');
        Assert.Equal(2, outLines.Length);
        Assert.Contains("\"id\":\"ok1\"", outLines[0], StringComparison.Ordinal);
        Assert.Contains("\"id\":\"ok2\"", outLines[1], StringComparison.Ordinal);

        string[] errLines = result.StdErr.TrimEnd('\n').Split('\n');
        var records = errLines.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l)).ToList();
        Assert.Equal([2, 3, 4, 6, 7, 8, 10], records.Select(r => r.RootElement.GetProperty("line").GetInt32()));
        Assert.Contains("invalid JSON", records[0].RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("nt", records[1].RootElement.GetProperty("id").GetString());
        Assert.Contains("no \"text\"", records[1].RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("empty", records[2].RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("no \"id\"", records[4].RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("--max-text-size", records[5].RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("analyzed 2 of 9 lines, 7 failed", errLines[^1]);
        records.ForEach(r => r.Dispose());
    }

    [Fact]
    public void JsonLines_LineFarOverTheLimit_SkippedWithoutStoppingTheRun()
    {
        // 1k limit: lines over 2k + 1 MiB are dropped while they stream past, never buffered whole.
        string huge = Line("huge", new string('b', 3 * 1024 * 1024));
        string input = Line("before", Article(3)) + "\n" + huge + "\n" + Line("after", Article(4));

        CliRunner.Result result = CliRunner.Run(input, "analyze", "--input", "jsonl", "--max-text-size", "1k", "-");

        Assert.Equal(1, result.ExitCode);
        string[] outLines = result.StdOut.TrimEnd('\n').Split('\n');
        Assert.Equal(2, outLines.Length);
        Assert.Contains("\"id\":\"after\"", outLines[1], StringComparison.Ordinal);
        Assert.Contains("{\"line\":2,\"error\":\"line is longer than", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonLines_InvalidUtf8Line_ReportedOthersAnalysed()
    {
        byte[] good = Encoding.UTF8.GetBytes(Line(1, Article(5)) + "\n");
        byte[] bad = [.. "{\"id\":2,\"text\":\"a"u8.ToArray(), 0xFF, 0xFE, .. "\"}\n"u8.ToArray()];
        CliRunner.Result result = CliRunner.RunWithBytes([.. good, .. bad, .. good], "analyze", "--input", "jsonl", "-");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, result.StdOut.TrimEnd('\n').Split('\n').Length);
        Assert.Contains("{\"line\":2,\"error\":\"not valid UTF-8\"}", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonLines_FileToOutputFile_AllGoodExitsZero()
    {
        string inputPath = Path.Combine(_dir, "in.jsonl");
        string outputPath = Path.Combine(_dir, "out.jsonl");
        File.WriteAllText(inputPath, "\uFEFF" + Line(7, Article(7)) + "\r\n" + Line(8, Article(8)) + "\r\n");

        CliRunner.Result result = CliRunner.Run(null, "analyze", "--input", "jsonl", inputPath, "--output", outputPath);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.StdOut);
        Assert.Equal("analyzed 2 of 2 lines", result.StdErr.TrimEnd());
        string[] lines = File.ReadAllText(outputPath).TrimEnd('\n').Split('\n');
        Assert.Equal(["7", "8"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetRawText()));
        Assert.Equal(["in.jsonl", "out.jsonl"], Directory.GetFiles(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("--input", "jsonl")]
    [InlineData("--input", "jsonl", "-", "--format", "text")]
    [InlineData("--input", "jsonl", "-", "--max-text-size", "0")]
    [InlineData("--input", "jsonl", "-", "--max-text-size", "lots")]
    [InlineData("-", "--max-text-size", "5k")]
    public void JsonLines_WrongUsage_ExitsTwo(params string[] args)
    {
        CliRunner.Result result = CliRunner.Run(string.Empty, ["analyze", .. args]);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error:", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonLines_MissingFile_ExitsOne()
    {
        CliRunner.Result result = CliRunner.Run(null, "analyze", "--input", "jsonl", Path.Combine(_dir, "nope.jsonl"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("file not found", result.StdErr, StringComparison.Ordinal);
    }
}
