using NewsExtract.Rendering;
using NewsExtract.Training;

namespace NewsExtract.Cli.Commands;

/// <summary>
/// <c>analyze FOLDER --format html --output DIR</c>: one annotated page per file (its path below FOLDER
/// plus <c>.html</c>, subfolders mirrored) and <c>index.html</c> listing them, written last.
/// </summary>
internal static class HtmlSite
{
    public static int Write(ArticleAnalyzer analyzer, string folder, string output)
    {
        string outputRoot = Path.GetFullPath(output);
        if (File.Exists(outputRoot))
        {
            throw new CliException($"{output}: is a file; with a folder, --format html needs --output DIRECTORY");
        }

        // Pages written by an earlier run into a directory below the input must not be read as articles.
        string outputPrefix = Path.TrimEndingDirectorySeparator(outputRoot) + Path.DirectorySeparatorChar;
        List<string> files = [];
        foreach (string file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
        {
            if (!Path.GetFullPath(file).StartsWith(outputPrefix, StringComparison.Ordinal))
            {
                files.Add(file);
            }
        }

        files.Sort(StringComparer.Ordinal);
        CreateDirectory(outputRoot, output);
        var entries = new HtmlIndexEntry?[files.Count];
        var errors = new string?[files.Count];
        using (var progress = new ProgressReporter(files.Count))
        {
            Parallel.For(0, files.Count, i =>
            {
                try
                {
                    string text = TextFileReader.ReadAllText(files[i]);
                    ArticleAnalysis analysis = analyzer.Analyze(text);
                    string page = PageName(Path.GetRelativePath(folder, files[i]));
                    string pagePath = Path.Combine(outputRoot, page);
                    CreateDirectory(Path.GetDirectoryName(pagePath)!, output);
                    OutputWriter.Write(pagePath, ArticleHtmlRenderer.Render(text, analysis));
                    entries[i] = new HtmlIndexEntry(
                        Path.GetRelativePath(folder, files[i]),
                        page,
                        analysis.Title,
                        analysis.Mentions.Count,
                        analysis.Entities.Count,
                        analysis.Quotes.Count);
                }
                catch (CliException ex)
                {
                    errors[i] = ex.Message;
                }

                progress.Advance();
            });
            progress.Finish();
        }

        var written = new List<HtmlIndexEntry>();
        var failed = new List<string>();
        for (int i = 0; i < files.Count; i++)
        {
            if (errors[i] is string error)
            {
                failed.Add(error);
                Console.Error.WriteLine($"error: {error}");
            }
            else
            {
                written.Add(entries[i]!);
            }
        }

        OutputWriter.Write(Path.Combine(outputRoot, "index.html"), HtmlIndexPage.Render(written, failed));
        Console.Error.WriteLine($"wrote {written.Count} of {files.Count} pages and index.html to {output}" + (failed.Count > 0 ? $", {failed.Count} failed" : string.Empty));
        return failed.Count > 0 ? Program.BadInput : Program.Success;
    }

    /// <summary>The page for an input file: its relative path plus <c>.html</c>, never the index itself.</summary>
    private static string PageName(string relative)
    {
        string page = relative + ".html";
        return string.Equals(page, "index.html", StringComparison.OrdinalIgnoreCase) ? "index-article.html" : page;
    }

    private static void CreateDirectory(string path, string output)
    {
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{output}: cannot create directory: {ex.Message}");
        }
    }
}
