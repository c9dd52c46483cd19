using System.Text.Json;
using NewsExtract.Tests.Infrastructure;
using NewsExtract.Tests.Rendering;

namespace NewsExtract.Tests.Cli;

public sealed class AnalyzeHtmlTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("newsextract-html-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Analyze_HtmlFormat_PrintsPageMatchingTheJson()
    {
        CliRunner.Result html = CliRunner.Run(null, "analyze", "--format", "html");
        CliRunner.Result json = CliRunner.Run(null, "analyze");

        Assert.Equal(0, html.ExitCode);
        var page = new RenderedPage(html.StdOut);
        Assert.Empty(page.Errors);
        using JsonDocument doc = JsonDocument.Parse(json.StdOut);
        Assert.Equal(doc.RootElement.GetProperty("mentions").GetArrayLength(), page.Mentions.Count);
        Assert.Equal(doc.RootElement.GetProperty("quotes").GetArrayLength(), page.Count("main .badge"));
    }

    [Fact]
    public void Analyze_FolderAsHtml_WritesOnePagePerFileAndAnIndex()
    {
        string input = Path.Combine(_dir, "in");
        Directory.CreateDirectory(Path.Combine(input, "sub"));
        File.WriteAllText(Path.Combine(input, "a.txt"), "Anna Smith visited Paris. \u201CIt was lovely,\u201D she said.");
        File.WriteAllText(Path.Combine(input, "sub", "b <x>.txt"), "John Brown <script>alert(1)</script> said nothing.");
        File.WriteAllBytes(Path.Combine(input, "bad.txt"), [0, 1, 2]);
        string output = Path.Combine(_dir, "site");

        CliRunner.Result result = CliRunner.Run(null, "analyze", input, "--format", "html", "--output", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad.txt", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StdOut);
        Assert.True(File.Exists(Path.Combine(output, "a.txt.html")));
        string nested = Path.Combine(output, "sub", "b <x>.txt.html");
        Assert.True(File.Exists(nested));
        Assert.Empty(new RenderedPage(File.ReadAllText(nested)).Errors);
        var index = new RenderedPage(File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.Empty(index.Errors);
        string[] links = index.Document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToArray();
        Assert.Equal(["a.txt.html", "sub/b%20%3Cx%3E.txt.html"], links);
        Assert.Contains("bad.txt", index.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(index.Document.Scripts);
    }

    [Fact]
    public void Analyze_FolderAsHtmlWithoutOutput_ExitsTwo()
    {
        File.WriteAllText(Path.Combine(_dir, "a.txt"), "Anna Smith visited Paris.");
        CliRunner.Result result = CliRunner.Run(null, "analyze", _dir, "--format", "html");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--output", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_FolderAsHtmlIntoAFile_ExitsOne()
    {
        File.WriteAllText(Path.Combine(_dir, "a.txt"), "Anna Smith visited Paris.");
        string file = Path.Combine(_dir, "taken");
        File.WriteAllText(file, "x");
        CliRunner.Result result = CliRunner.Run(null, "analyze", _dir, "--format", "html", "--output", file);
        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.StdErr.TrimEnd().Split('\n'));
    }
}
