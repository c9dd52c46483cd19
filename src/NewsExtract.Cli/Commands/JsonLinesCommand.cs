using System.Globalization;
using NewsExtract.Cli.JsonLines;
using NewsExtract.Training;

namespace NewsExtract.Cli.Commands;

/// <summary><c>analyze --input jsonl FILE|-</c>: argument checks, input and output streams, exit code.</summary>
internal static class JsonLinesCommand
{
    /// <summary>The default text limit: 10 MiB, far above any news article.</summary>
    public const int DefaultMaxTextBytes = 10 * 1024 * 1024;

    /// <summary>The largest limit accepted, so that a line buffer always fits in an array.</summary>
    private const int MaxMaxTextBytes = 512 * 1024 * 1024;

    public static int Run(string? path, string? format, string? output, string? maxTextSize, string? stages)
    {
        if (path is null)
        {
            Console.Error.WriteLine("error: --input jsonl needs a FILE or '-' for standard input.");
            return Program.WrongUsage;
        }

        if (format is not null && format != "jsonl")
        {
            Console.Error.WriteLine($"error: --input jsonl writes JSON lines; --format {format} does not apply.");
            return Program.WrongUsage;
        }

        int maxTextBytes = DefaultMaxTextBytes;
        if (maxTextSize is not null && !TryParseSize(maxTextSize, out maxTextBytes))
        {
            Console.Error.WriteLine($"error: --max-text-size '{maxTextSize}' is not a size between 1 and 512m (bytes, or with suffix k or m).");
            return Program.WrongUsage;
        }

        string? temp = null;
        try
        {
            using Stream input = OpenInput(path);
            string? full = output is null ? null : Path.GetFullPath(output);
            if (full is not null)
            {
                temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", "." + Path.GetFileName(full) + "." + Environment.ProcessId + ".tmp");
            }

            var runner = new JsonLinesRunner(CreateAnalyzer(stages), maxTextBytes, Console.Error, progress: !Console.IsErrorRedirected);
            using (Stream destination = OpenOutput(temp, output))
            {
                runner.RunAsync(input, destination, CancellationToken.None).GetAwaiter().GetResult();
            }

            if (temp is not null)
            {
                File.Move(temp, full!, overwrite: true);
                temp = null;
            }

            long failed = runner.Failed;
            Console.Error.WriteLine($"analyzed {runner.Analyzed} of {runner.Analyzed + failed} lines" + (failed > 0 ? $", {failed} failed" : string.Empty));
            return failed > 0 ? Program.BadInput : Program.Success;
        }
        catch (CliException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return Program.BadInput;
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"error: {path}: {ex.Message}");
            return Program.BadInput;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // An analysis that throws stops the stream at its place; the lines before it are written.
            Console.Error.WriteLine($"error: analysis failed: {ex.GetType().Name}: {ex.Message}");
            return Program.BadInput;
        }
        finally
        {
            if (temp is not null)
            {
                TryDelete(temp);
            }
        }
    }

    private static ArticleAnalyzer CreateAnalyzer(string? stages) => ArticleAnalyzer.Create(new ArticleAnalyzerOptions
    {
        Stages = stages switch
        {
            "tokens" => AnalysisStages.Tokens,
            "entities" => AnalysisStages.Entities,
            _ => AnalysisStages.Full,
        },
    });

    /// <summary>Parses <c>N</c>, <c>Nk</c> or <c>Nm</c> (KiB, MiB) into bytes.</summary>
    internal static bool TryParseSize(string value, out int bytes)
    {
        bytes = 0;
        long multiplier = 1;
        ReadOnlySpan<char> digits = value.AsSpan().Trim();
        if (digits.Length > 0 && (digits[^1] is 'k' or 'K'))
        {
            multiplier = 1024;
            digits = digits[..^1];
        }
        else if (digits.Length > 0 && (digits[^1] is 'm' or 'M'))
        {
            multiplier = 1024 * 1024;
            digits = digits[..^1];
        }

        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long number))
        {
            return false;
        }

        long total = number * multiplier;
        if (number <= 0 || number > MaxMaxTextBytes || total > MaxMaxTextBytes)
        {
            return false;
        }

        bytes = (int)total;
        return true;
    }

    private static Stream OpenInput(string path)
    {
        if (path == "-")
        {
            return Console.OpenStandardInput();
        }

        if (Directory.Exists(path))
        {
            throw new CliException($"{path}: is a folder; --input jsonl reads one file of JSON lines");
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (FileNotFoundException)
        {
            throw new CliException($"{path}: file not found");
        }
        catch (DirectoryNotFoundException)
        {
            throw new CliException($"{path}: file not found");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new CliException($"{path}: cannot read: {ex.Message}");
        }
    }

    private static Stream OpenOutput(string? temp, string? output)
    {
        if (temp is null)
        {
            return Console.OpenStandardOutput();
        }

        try
        {
            return new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{output}: cannot write output: {ex.Message}");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
