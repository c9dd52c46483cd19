namespace NewsExtract.Cli.Commands;

/// <summary>A progress bar on standard error, drawn only when standard error is a terminal.</summary>
internal sealed class ProgressReporter : IDisposable
{
    private readonly int _total;
    private readonly bool _enabled;
    private readonly Lock _lock = new();
    private int _done;

    public ProgressReporter(int total)
    {
        _total = total;
        _enabled = !Console.IsErrorRedirected && total > 1;
    }

    public void Advance()
    {
        int done = Interlocked.Increment(ref _done);
        if (!_enabled)
        {
            return;
        }

        lock (_lock)
        {
            const int Width = 30;
            int filled = (int)((long)done * Width / _total);
            Console.Error.Write($"\r[{new string('#', filled)}{new string('-', Width - filled)}] {done}/{_total}");
        }
    }

    public void Finish()
    {
        if (_enabled)
        {
            Console.Error.WriteLine();
        }
    }

    public void Dispose()
    {
    }
}
