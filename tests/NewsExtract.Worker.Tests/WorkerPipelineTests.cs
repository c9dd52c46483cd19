using System.Diagnostics;
using System.Text;

namespace NewsExtract.Worker.Tests;

/// <summary>All tests against the real servers run one after another (one stops PostgreSQL).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerCollection
{
    public const string Name = "real servers";
}

/// <summary>
/// The worker as a real child process against real RabbitMQ and PostgreSQL (issue 15): every article
/// published ends up stored exactly once, with the library's own analysis, through SIGKILL, poison
/// messages, a database outage, two competing workers and SIGTERM.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class WorkerPipelineTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(4);

    [Fact(Timeout = 360_000)]
    public async Task Thousand_articles_are_stored_with_the_librarys_entities_and_quotes()
    {
        await using var pipeline = new TestPipeline("thousand");
        await pipeline.PublishArticlesAsync(0, 1000);
        using var worker = WorkerProcess.Start(pipeline);

        await pipeline.WaitForArticlesAsync(1000, s_timeout, worker);

        pipeline.AssertStoredExactlyOnce(0, 1000);
        Assert.Equal(0, pipeline.Scalar("SELECT count(*) FROM articles WHERE store_count <> 1"));
        Assert.Equal(0, pipeline.Scalar("SELECT count(*) FROM articles WHERE fields ->> 'source' <> 'test' OR published_at IS NULL"));
        Assert.Equal(0, worker.Terminate(TimeSpan.FromSeconds(40)));
        Assert.Equal(0u, await pipeline.MessageCountAsync(pipeline.Queue));
        Assert.Equal(0u, await pipeline.MessageCountAsync(pipeline.DeadLetterQueue));
    }

    [Fact(Timeout = 360_000)]
    public async Task Worker_killed_mid_batch_and_restarted_loses_and_duplicates_nothing()
    {
        const int Count = 400;
        await using var pipeline = new TestPipeline("sigkill");
        await pipeline.PublishArticlesAsync(0, Count);
        long atKill;
        using (var first = WorkerProcess.Start(pipeline, concurrency: 2, ("Prefetch", "8")))
        {
            await pipeline.WaitForArticlesAsync(60, s_timeout, first);
            first.Kill();
            atKill = pipeline.CountArticles();
        }

        Assert.InRange(atKill, 60, Count - 1); // killed in the middle, with messages in flight

        using var second = WorkerProcess.Start(pipeline);
        await pipeline.WaitForArticlesAsync(Count, s_timeout, second);
        await TestPipeline.WaitUntilAsync(() => pipeline.MessageCountAsync(pipeline.Queue).Result == 0, TimeSpan.FromSeconds(60), () => "queue not empty");
        Assert.Equal(0, second.Terminate(TimeSpan.FromSeconds(40)));

        pipeline.AssertStoredExactlyOnce(0, Count);
        Assert.Equal(0u, await pipeline.MessageCountAsync(pipeline.Queue));
        Assert.Equal(0u, await pipeline.MessageCountAsync(pipeline.DeadLetterQueue));
    }

    [Fact(Timeout = 360_000)]
    public async Task Poison_messages_go_to_the_dead_letter_queue_and_the_worker_keeps_going()
    {
        await using var pipeline = new TestPipeline("poison");
        byte[] huge = Encoding.UTF8.GetBytes("{\"id\":\"huge\",\"text\":\"" + new string('x', 50 * 1024 * 1024) + "\"}");
        byte[] binary = new byte[4096];
        new Random(15).NextBytes(binary);
        var bodies = new List<byte[]>();
        bodies.AddRange(Enumerable.Range(0, 20).Select(Articles.Message));
        bodies.Add("{\"id\":\"broken\",\"text\":\"no end"u8.ToArray());
        bodies.Add("{\"id\":\"empty\",\"text\":\"\"}"u8.ToArray());
        bodies.Add(huge);
        bodies.Add(binary);
        bodies.AddRange(Enumerable.Range(20, 20).Select(Articles.Message));
        await pipeline.PublishAsync(bodies);
        using var worker = WorkerProcess.Start(pipeline);

        await pipeline.WaitForArticlesAsync(40, s_timeout, worker);
        await TestPipeline.WaitUntilAsync(() => pipeline.MessageCountAsync(pipeline.DeadLetterQueue).Result == 4, TimeSpan.FromSeconds(60), () => "dead letters: " + pipeline.MessageCountAsync(pipeline.DeadLetterQueue).Result);

        // Still consuming after the poison.
        await pipeline.PublishArticlesAsync(40, 10);
        await pipeline.WaitForArticlesAsync(50, s_timeout, worker);
        Assert.False(worker.HasExited);
        pipeline.AssertStoredExactlyOnce(0, 50);

        List<(string Reason, int BodyLength)> dead = await pipeline.DrainDeadLettersAsync();
        Assert.Equal(4, dead.Count);
        Assert.Contains(dead, d => d.Reason.StartsWith("invalid JSON", StringComparison.Ordinal));
        Assert.Contains(dead, d => d.Reason == "\"text\" is empty");
        Assert.Contains(dead, d => d.Reason.Contains("over the limit", StringComparison.Ordinal) && d.BodyLength == huge.Length);
        Assert.Contains(dead, d => d.Reason.Contains("not valid UTF-8", StringComparison.Ordinal) && d.BodyLength == binary.Length);
        Assert.Equal(0, worker.Terminate(TimeSpan.FromSeconds(40)));
    }

    [Fact(Timeout = 360_000)]
    public async Task PostgreSQL_stopped_for_ten_seconds_every_article_lands_once()
    {
        const int Count = 300;
        (string stop, string start) = Servers.RequirePostgresControl();
        await using var pipeline = new TestPipeline("outage");
        await pipeline.PublishArticlesAsync(0, Count);
        using var worker = WorkerProcess.Start(pipeline);
        await pipeline.WaitForArticlesAsync(30, s_timeout, worker);

        long beforeOutage = pipeline.CountArticles();
        Shell(stop);
        long stoppedAt = DateTime.UtcNow.Ticks;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        }
        finally
        {
            Shell(start);
        }

        await TestPipeline.WaitUntilAsync(() => pipeline.CountArticles() >= 0, TimeSpan.FromSeconds(60), () => "PostgreSQL did not come back");
        Assert.InRange(beforeOutage, 30, Count - 1); // the outage was in the middle of the run
        await pipeline.WaitForArticlesAsync(Count, s_timeout, worker);
        Assert.Equal(0, worker.Terminate(TimeSpan.FromSeconds(40)));

        pipeline.AssertStoredExactlyOnce(0, Count);
        Assert.Contains("Database unavailable", worker.Log, StringComparison.Ordinal);
        Assert.Equal(0u, await pipeline.MessageCountAsync(pipeline.Queue));
        Assert.Equal(0u, await pipeline.MessageCountAsync(pipeline.DeadLetterQueue));
        Assert.True(DateTime.UtcNow.Ticks > stoppedAt);
    }

    [Fact(Timeout = 360_000)]
    public async Task Two_workers_store_each_article_exactly_once()
    {
        const int Count = 600;
        await using var pipeline = new TestPipeline("two");
        await pipeline.PublishArticlesAsync(0, Count);
        using var a = WorkerProcess.Start(pipeline, concurrency: 1);
        using var b = WorkerProcess.Start(pipeline, concurrency: 1);

        await pipeline.WaitForArticlesAsync(Count, s_timeout, a, b);
        Assert.Equal(0, a.Terminate(TimeSpan.FromSeconds(40)));
        Assert.Equal(0, b.Terminate(TimeSpan.FromSeconds(40)));

        pipeline.AssertStoredExactlyOnce(0, Count);
        Assert.Equal(0, pipeline.Scalar("SELECT count(*) FROM articles WHERE store_count <> 1"));
        long storedByA = StoredCount(a.Log);
        long storedByB = StoredCount(b.Log);
        Assert.Equal(Count, storedByA + storedByB);
        Assert.True(storedByA > 0 && storedByB > 0, $"one worker did everything: {storedByA} + {storedByB}");
    }

    [Fact(Timeout = 360_000)]
    public async Task SIGTERM_finishes_articles_in_flight_acknowledges_them_and_exits()
    {
        const int Count = 200;
        await using var pipeline = new TestPipeline("sigterm");
        await pipeline.PublishArticlesAsync(0, Count);
        using (var worker = WorkerProcess.Start(pipeline, concurrency: 2, ("Prefetch", "8")))
        {
            await pipeline.WaitForArticlesAsync(20, s_timeout, worker);
            var clock = Stopwatch.StartNew();
            Assert.Equal(0, worker.Terminate(TimeSpan.FromSeconds(40)));
            Assert.Contains("stopped:", worker.Log, StringComparison.Ordinal);
            long stored = pipeline.CountArticles();
            Assert.InRange(stored, 20, Count - 1);

            // Everything stored was acknowledged, everything else is back in the queue: nothing lost, nothing pending.
            await TestPipeline.WaitUntilAsync(() => pipeline.MessageCountAsync(pipeline.Queue).Result == Count - pipeline.CountArticles(), TimeSpan.FromSeconds(30),
                () => $"queue {pipeline.MessageCountAsync(pipeline.Queue).Result}, stored {pipeline.CountArticles()}");
            Assert.Equal(stored, StoredCount(worker.Log));
        }

        using var again = WorkerProcess.Start(pipeline);
        await pipeline.WaitForArticlesAsync(Count, s_timeout, again);
        Assert.Equal(0, again.Terminate(TimeSpan.FromSeconds(40)));
        pipeline.AssertStoredExactlyOnce(0, Count);
        Assert.Equal(0, pipeline.Scalar("SELECT count(*) FROM articles WHERE store_count <> 1"));
    }

    /// <summary>The count in the worker's last log line, "Worker N stopped: S articles stored, ...".</summary>
    private static long StoredCount(string log)
    {
        string line = log.Split('\n').Last(l => l.Contains(" stopped: ", StringComparison.Ordinal));
        string after = line[(line.IndexOf(" stopped: ", StringComparison.Ordinal) + 10)..];
        return long.Parse(after[..after.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Shell(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        Assert.True(process.WaitForExit(60_000), $"'{command}' did not finish within 60 s");
        Assert.True(process.ExitCode == 0, $"'{command}' failed: {process.StandardError.ReadToEnd()}");
    }
}
