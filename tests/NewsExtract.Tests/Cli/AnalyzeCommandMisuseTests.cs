using System.Text.Json;
using NewsExtract.Tests.Infrastructure;

namespace NewsExtract.Tests.Cli;

/// <summary>
/// Bad input to <c>analyze</c>: a clear one-line message, exit code 1 (CONTRACT.md), the other files
/// of a folder still processed, and no output file left half-written or clobbered.
/// </summary>
public sealed class AnalyzeCommandMisuseTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("newsextract-misuse-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Analyze_EmptyStdin_ExitsOneWithMessage()
    {
        CliRunner.Result result = CliRunner.Run(string.Empty, "analyze", "-");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: stdin: file is empty", result.StdErr.TrimEnd());
        Assert.Equal(string.Empty, result.StdOut);
    }

    [Fact]
    public void Analyze_InvalidUtf8OnStdin_ExitsOneWithMessage()
    {
        CliRunner.Result result = CliRunner.RunWithBytes([0x41, 0xFF, 0xFE, 0x42], "analyze", "-");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not valid UTF-8", result.StdErr, StringComparison.Ordinal);
        Assert.Single(result.StdErr.TrimEnd().Split('\n'));
        Assert.Equal(string.Empty, result.StdOut);
    }

    [Fact]
    public void Analyze_OutputIntoMissingDirectory_ExitsOneAndLeavesNoFile()
    {
        string missing = Path.Combine(_dir, "no-such-dir");
        CliRunner.Result result = CliRunner.Run(null, "analyze", "--output", Path.Combine(missing, "out.json"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot write output", result.StdErr, StringComparison.Ordinal);
        Assert.Single(result.StdErr.TrimEnd().Split('\n'));
        Assert.False(Directory.Exists(missing));
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void Analyze_OutputIsADirectory_ExitsOneAndLeavesNoTemporaryFile()
    {
        string target = Directory.CreateDirectory(Path.Combine(_dir, "target")).FullName;
        CliRunner.Result result = CliRunner.Run(null, "analyze", "--output", target);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot write output", result.StdErr, StringComparison.Ordinal);
        Assert.Equal([target], Directory.GetFileSystemEntries(_dir));
        Assert.Empty(Directory.GetFileSystemEntries(target));
    }

    [Fact]
    public void Analyze_BadInputWithOutput_LeavesExistingOutputUntouched()
    {
        string input = Path.Combine(_dir, "bad.txt");
        File.WriteAllBytes(input, [0x41, 0x00, 0x42]);
        string output = Path.Combine(_dir, "out.json");
        File.WriteAllText(output, "previous result");

        CliRunner.Result result = CliRunner.Run(null, "analyze", input, "--output", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("previous result", File.ReadAllText(output));
        Assert.Equal(2, Directory.GetFiles(_dir).Length);
    }

    [Fact]
    public void Analyze_UnreadableFile_ExitsOneWithPermissionDenied()
    {
        if (OperatingSystem.IsWindows() || Environment.IsPrivilegedProcess)
        {
            Assert.Skip("Runs only for an unprivileged user on Unix: root (as in this project's CI) reads files whatever their permission bits.");
        }

        string path = Path.Combine(_dir, "secret.txt");
        File.WriteAllText(path, "Anna Lee said hello.");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.None);
        }

        CliRunner.Result result = CliRunner.Run(null, "analyze", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("permission denied", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_FolderOfMixedFiles_ProcessesGoodOnesAndNamesEachBadOne()
    {
        File.WriteAllText(Path.Combine(_dir, "a-good.txt"), "Anna Lee visited Port Ellis.");
        File.WriteAllBytes(Path.Combine(_dir, "b-empty.txt"), []);
        File.WriteAllBytes(Path.Combine(_dir, "c-binary.bin"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]);
        File.WriteAllBytes(Path.Combine(_dir, "d-latin1.txt"), [0x43, 0x61, 0x66, 0xE9, 0x20, 0x6F, 0x6B]);
        File.WriteAllBytes(Path.Combine(_dir, "e-bom-only.txt"), [0xEF, 0xBB, 0xBF]);
        File.WriteAllText(Path.Combine(_dir, "f-good.txt"), "\u201CWe will rebuild,\u201D said James Okafor.");
        Directory.CreateDirectory(Path.Combine(_dir, "g-sub"));
        File.WriteAllText(Path.Combine(_dir, "g-sub", "h-good.txt"), "Maria Tanaka left.");
        File.CreateSymbolicLink(Path.Combine(_dir, "i-dangling.txt"), Path.Combine(_dir, "nowhere.txt"));
        string output = Path.Combine(Directory.CreateTempSubdirectory("newsextract-out-").FullName, "all.jsonl");

        try
        {
            CliRunner.Result result = CliRunner.Run(null, "analyze", _dir, "--output", output);

            Assert.Equal(1, result.ExitCode);
            string[] errors = result.StdErr.TrimEnd().Split('\n');
            Assert.Contains(errors, e => e.Contains("b-empty.txt: file is empty", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Contains("c-binary.bin: binary file", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Contains("d-latin1.txt: not valid UTF-8", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Contains("e-bom-only.txt: file is empty", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Contains("i-dangling.txt: file not found", StringComparison.Ordinal));
            Assert.Equal("analyzed 3 of 8 files, 5 failed", errors[^1]);

            string[] lines = File.ReadAllLines(output);
            Assert.Equal(3, lines.Length);
            string[] paths = Array.ConvertAll(lines, line =>
            {
                using JsonDocument doc = JsonDocument.Parse(line);
                return Path.GetFileName(doc.RootElement.GetProperty("path").GetString()!);
            });
            Assert.Equal(["a-good.txt", "f-good.txt", "h-good.txt"], paths);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
        }
    }
}
