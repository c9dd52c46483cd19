using System.Diagnostics;

namespace NewsExtract.Tests.Infrastructure;

/// <summary>Runs the built CLI (copied beside the tests) as a child process, as a user would.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static Result Run(string? stdin, params string[] args)
        => RunWithBytes(stdin is null ? null : System.Text.Encoding.UTF8.GetBytes(stdin), args);

    /// <summary>Runs the CLI with raw bytes on standard input (for input that is not valid UTF-8).</summary>
    public static Result RunWithBytes(byte[]? stdin, params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "NewsExtract.Cli.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        foreach (string arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(psi)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.BaseStream.Write(stdin);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("CLI did not finish within 120 s: " + string.Join(' ', args));
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
