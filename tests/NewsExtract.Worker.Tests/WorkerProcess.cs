using System.Diagnostics;
using System.Text;

namespace NewsExtract.Worker.Tests;

/// <summary>The built worker (copied beside the tests) run as a real child process, killed on dispose.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private WorkerProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static WorkerProcess Start(TestPipeline pipeline, int concurrency = 2, params (string Key, string Value)[] settings)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "NewsExtract.Worker.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        psi.Environment["NewsExtract__RabbitMq"] = Servers.RabbitMq;
        psi.Environment["NewsExtract__Postgres"] = pipeline.ConnectionString;
        psi.Environment["NewsExtract__Queue"] = pipeline.Queue;
        psi.Environment["NewsExtract__Concurrency"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["NewsExtract__StatsInterval"] = "00:00:02";
        psi.Environment["NewsExtract__RetryDelay"] = "00:00:00.100";
        psi.Environment["NewsExtract__MaxRetryDelay"] = "00:00:01";
        foreach ((string key, string value) in settings)
        {
            psi.Environment["NewsExtract__" + key] = value;
        }

        var process = Process.Start(psi)!;
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => worker.Append(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>SIGKILL: no chance to finish anything.</summary>
    public void Kill()
    {
        _process.Kill();
        Assert.True(_process.WaitForExit(30_000), "killed worker did not exit within 30 s");
    }

    /// <summary>SIGTERM, then waits for the exit; returns the exit code.</summary>
    public int Terminate(TimeSpan timeout)
    {
        using (Process kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit(10_000);
        }

        if (!_process.WaitForExit(timeout))
        {
            _process.Kill();
            Assert.Fail($"worker did not exit within {timeout.TotalSeconds} s of SIGTERM. Log:\n{Log}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(30_000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }
}
