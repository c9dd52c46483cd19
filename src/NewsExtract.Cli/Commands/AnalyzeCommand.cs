using System.CommandLine;
using System.Text;
using NewsExtract.Rendering;
using NewsExtract.Training;

namespace NewsExtract.Cli.Commands;

/// <summary><c>analyze [PATH]</c>: a file, a folder (JSON lines), <c>-</c> for stdin, or the embedded sample.</summary>
internal static class AnalyzeCommand
{
    private static readonly string[] s_formats = ["json", "jsonl", "text", "html"];
    private static readonly string[] s_inputs = ["text", "jsonl"];
    private static readonly string[] s_stages = ["tokens", "entities", "full"];

    public static Command Create()
    {
        var path = new Argument<string?>("PATH")
        {
            Description = "A text file, a folder of .txt files, or '-' for standard input. Omitted: the embedded sample article.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var format = new Option<string?>("--format")
        {
            Description = "Output format: json (one file), jsonl (one line per article), text (a readable summary) or html (an annotated page; for a folder, one page per file plus index.html in the --output directory).",
        };
        format.AcceptOnlyFromAmong(s_formats);
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write to this file instead of standard output (written completely or not at all). With --format html and a folder: the directory for the pages.",
        };

        var input = new Option<string?>("--input")
        {
            Description = "Input kind: text (default: PATH is an article or a folder of articles) or jsonl (PATH, or '-' for standard input, holds one JSON object per line with \"id\" and \"text\"; one result line per input line, in input order, streamed in bounded memory).",
        };
        input.AcceptOnlyFromAmong(s_inputs);
        var maxTextSize = new Option<string?>("--max-text-size")
        {
            Description = "With --input jsonl: the largest text accepted, in UTF-8 bytes (suffix k or m for KiB or MiB; default 10m). A longer text is a bad line.",
        };

        var stages = new Option<string?>("--stages")
        {
            Description = "With --input jsonl: how far to analyse: tokens (sentences and paragraphs only), entities (no quotes) or full (default).",
        };
        stages.AcceptOnlyFromAmong(s_stages);

        var command = new Command("analyze", "Analyze an article: entities, quotes and speakers as JSON.")
        {
            path, format, output, input, maxTextSize, stages,
        };
        command.SetAction(parse => Run(parse.GetValue(path), parse.GetValue(format), parse.GetValue(output), parse.GetValue(input), parse.GetValue(maxTextSize), parse.GetValue(stages)));
        return command;
    }

    private static int Run(string? path, string? format, string? output, string? input, string? maxTextSize, string? stages)
    {
        if (path is not null && path.Length > 1 && path[0] == '-')
        {
            Console.Error.WriteLine($"error: unknown option '{path}'. Run 'newsextract analyze --help' for usage.");
            return Program.WrongUsage;
        }

        if (input == "jsonl")
        {
            return JsonLinesCommand.Run(path, format, output, maxTextSize, stages);
        }

        if (maxTextSize is not null || stages is not null)
        {
            Console.Error.WriteLine("error: --max-text-size and --stages apply only to --input jsonl.");
            return Program.WrongUsage;
        }

        try
        {
            ArticleAnalyzer analyzer = ArticleAnalyzer.CreateDefault();
            if (path is not null && path != "-" && Directory.Exists(path))
            {
                if (format == "html")
                {
                    if (output is null)
                    {
                        Console.Error.WriteLine("error: --format html with a folder needs --output DIRECTORY (one page per file plus index.html).");
                        return Program.WrongUsage;
                    }

                    return HtmlSite.Write(analyzer, path, output);
                }

                return AnalyzeFolder(analyzer, path, format ?? "jsonl", output);
            }

            string text;
            if (path is null)
            {
                text = ArticleAnalyzer.GetSampleArticle();
            }
            else if (path == "-")
            {
                using Stream stdin = Console.OpenStandardInput();
                using var buffer = new MemoryStream();
                stdin.CopyTo(buffer);
                text = TextFileReader.Decode(buffer.ToArray(), "stdin");
            }
            else
            {
                text = TextFileReader.ReadAllText(path);
            }

            ArticleAnalysis analysis = analyzer.Analyze(text);
            string rendered = Render(analysis, text, format ?? "json", null);
            OutputWriter.Write(output, rendered);
            return Program.Success;
        }
        catch (CliException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return Program.BadInput;
        }
    }

    private static int AnalyzeFolder(ArticleAnalyzer analyzer, string folder, string format, string? output)
    {
        string[] files;
        try
        {
            files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{folder}: cannot list the folder: {ex.Message}");
        }

        Array.Sort(files, StringComparer.Ordinal);
        var results = new string?[files.Length];
        var errors = new string?[files.Length];
        using var progress = new ProgressReporter(files.Length);
        Parallel.For(0, files.Length, i =>
        {
            try
            {
                string text = TextFileReader.ReadAllText(files[i]);
                results[i] = Render(analyzer.Analyze(text), text, format, files[i]);
            }
            catch (CliException ex)
            {
                errors[i] = ex.Message;
            }

            progress.Advance();
        });
        progress.Finish();

        var all = new StringBuilder();
        int failed = 0;
        for (int i = 0; i < files.Length; i++)
        {
            if (errors[i] is string error)
            {
                failed++;
                Console.Error.WriteLine($"error: {error}");
            }
            else
            {
                all.Append(results[i]);
                if (format != "text")
                {
                    all.Append('\n');
                }
            }
        }

        OutputWriter.Write(output, all.ToString());
        Console.Error.WriteLine($"analyzed {files.Length - failed} of {files.Length} files" + (failed > 0 ? $", {failed} failed" : string.Empty));
        return failed > 0 ? Program.BadInput : Program.Success;
    }

    internal static string Render(ArticleAnalysis analysis, string text, string format, string? path)
    {
        switch (format)
        {
            case "text":
                return TextReport.Render(analysis, path);
            case "html":
                return ArticleHtmlRenderer.Render(text, analysis);
            case "jsonl":
                string line = ArticleAnalysisJson.Serialize(analysis);
                return path is null ? line : WithPath(line, path);
            default:
                string json = ArticleAnalysisJson.Serialize(analysis, indented: path is null);
                return path is null ? json + "\n" : WithPath(json, path);
        }
    }

    /// <summary>Adds <c>"path"</c> as the first property of a serialized analysis object.</summary>
    private static string WithPath(string json, string path)
        => "{\"path\":" + System.Text.Json.JsonSerializer.Serialize(path, CliJsonContext.Default.String) + "," + json[1..];
}
