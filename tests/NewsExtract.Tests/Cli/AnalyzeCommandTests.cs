using System.Text.Json;
using NewsExtract.Tests.Infrastructure;

namespace NewsExtract.Tests.Cli;

public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("newsextract-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Analyze_NoArgument_PrintsSampleJson()
    {
        CliRunner.Result result = CliRunner.Run(null, "analyze");
        Assert.Equal(0, result.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(result.StdOut);
        Assert.Equal(1, doc.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.NotEqual(0, doc.RootElement.GetProperty("quotes").GetArrayLength());
    }

    [Fact]
    public void Analyze_Stdin_AnalysesInput()
    {
        CliRunner.Result result = CliRunner.Run("Anna Smith visited Paris.", "analyze", "-");
        Assert.Equal(0, result.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(result.StdOut);
        Assert.Equal("Anna Smith visited Paris.", doc.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void Analyze_TextFormat_PrintsTables()
    {
        CliRunner.Result result = CliRunner.Run(null, "analyze", "--format", "text");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ENTITIES", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("QUOTES", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_MissingFile_ExitsOneWithMessage()
    {
        CliRunner.Result result = CliRunner.Run(null, "analyze", Path.Combine(_dir, "nope.txt"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("file not found", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StdOut);
        Assert.Single(result.StdErr.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData(new byte[] { }, "empty")]
    [InlineData(new byte[] { 0x41, 0x00, 0x42 }, "binary")]
    [InlineData(new byte[] { 0x41, 0xC3, 0x28, 0x42 }, "not valid UTF-8")]
    public void Analyze_BadFile_ExitsOne(byte[] content, string message)
    {
        string path = Path.Combine(_dir, "bad.txt");
        File.WriteAllBytes(path, content);
        CliRunner.Result result = CliRunner.Run(null, "analyze", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_UnknownOption_ExitsTwo()
    {
        CliRunner.Result result = CliRunner.Run(null, "analyze", "--bogus");
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Analyze_BadFormat_ExitsTwo()
        => Assert.Equal(2, CliRunner.Run(null, "analyze", "--format", "xml").ExitCode);

    [Fact]
    public void Analyze_Folder_WritesOneLinePerGoodFileInOrderAndReportsBadOnes()
    {
        File.WriteAllText(Path.Combine(_dir, "b.txt"), "Anna Smith said she was happy.");
        File.WriteAllText(Path.Combine(_dir, "a.txt"), "John Brown visited Paris.");
        File.WriteAllBytes(Path.Combine(_dir, "c.txt"), [0, 1, 2]);
        string output = Path.Combine(_dir, "out", "result.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);

        CliRunner.Result result = CliRunner.Run(null, "analyze", _dir, "--output", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("c.txt", result.StdErr, StringComparison.Ordinal);
        string[] lines = File.ReadAllLines(output);
        Assert.Equal(2, lines.Length);
        using JsonDocument first = JsonDocument.Parse(lines[0]);
        Assert.EndsWith("a.txt", first.RootElement.GetProperty("path").GetString(), StringComparison.Ordinal);
        using JsonDocument second = JsonDocument.Parse(lines[1]);
        Assert.EndsWith("b.txt", second.RootElement.GetProperty("path").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_OutputFile_WrittenWholeAndNothingOnStdout()
    {
        string output = Path.Combine(_dir, "sample.json");
        CliRunner.Result result = CliRunner.Run(null, "analyze", "--output", output);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.StdOut);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Single(Directory.GetFiles(_dir));
    }
}
