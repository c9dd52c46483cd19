using System.Text;
using NewsExtract.Training;

namespace NewsExtract.Cli.Commands;

/// <summary>Writes results to standard output or to a file that is never left half-written.</summary>
internal static class OutputWriter
{
    public static void Write(string? path, string content)
    {
        if (path is null)
        {
            using Stream stdout = Console.OpenStandardOutput();
            byte[] bytes = Encoding.UTF8.GetBytes(content);
            stdout.Write(bytes);
            return;
        }

        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", "." + Path.GetFileName(full) + "." + Environment.ProcessId + ".tmp");
        try
        {
            File.WriteAllText(temp, content, new UTF8Encoding(false));
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new CliException($"{path}: cannot write output: {ex.Message}");
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
