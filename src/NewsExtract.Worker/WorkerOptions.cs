namespace NewsExtract.Worker;

/// <summary>
/// Settings of the worker, bound from the <c>NewsExtract</c> configuration section (appsettings.json,
/// then environment variables such as <c>NewsExtract__Postgres</c>, then the command line).
/// </summary>
internal sealed class WorkerOptions
{
    public const string Section = "NewsExtract";

    /// <summary>Gets or sets the AMQP URI of the broker.</summary>
    public string RabbitMq { get; set; } = "amqp://guest:guest@127.0.0.1:5672/";

    /// <summary>Gets or sets the durable queue the articles arrive on (declared if missing).</summary>
    public string Queue { get; set; } = "newsextract.articles";

    /// <summary>Gets or sets the dead-letter queue; empty means <see cref="Queue"/> + <c>.dead</c>.</summary>
    public string DeadLetterQueue { get; set; } = string.Empty;

    /// <summary>Gets or sets the Npgsql connection string of the results database.</summary>
    public string Postgres { get; set; } = "Host=127.0.0.1;Port=5432;Username=newsextract;Password=newsextract;Database=newsextract";

    /// <summary>Gets or sets how many articles are analysed at once; 0 means one per processor.</summary>
    public int Concurrency { get; set; }

    /// <summary>Gets or sets how many unacknowledged messages the broker sends ahead; 0 means twice <see cref="Concurrency"/>.</summary>
    public int Prefetch { get; set; }

    /// <summary>Gets or sets how often an article is tried (analysis, or a store that fails for a reason other than an outage) before it is dead-lettered.</summary>
    public int MaxTries { get; set; } = 3;

    /// <summary>Gets or sets the largest text accepted, in UTF-8 bytes; a longer one is dead-lettered.</summary>
    public int MaxTextBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Gets or sets the first delay of a retry; each further retry doubles it up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Gets or sets the longest delay between retries while the broker or the database is away.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how often throughput is logged.</summary>
    public TimeSpan StatsInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets how long a stop waits for articles in flight before it gives up on them (they are redelivered).</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public string EffectiveDeadLetterQueue => string.IsNullOrEmpty(DeadLetterQueue) ? Queue + ".dead" : DeadLetterQueue;

    public int EffectiveConcurrency => Concurrency > 0 ? Concurrency : Environment.ProcessorCount;

    public ushort EffectivePrefetch => (ushort)Math.Clamp(Prefetch > 0 ? Prefetch : 2 * EffectiveConcurrency, 1, ushort.MaxValue);

    public TimeSpan Backoff(int attempt)
    {
        double ms = RetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 16));
        return TimeSpan.FromMilliseconds(Math.Min(ms, MaxRetryDelay.TotalMilliseconds));
    }
}
