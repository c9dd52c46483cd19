using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace NewsExtract.Worker;

/// <summary>
/// Consumes article messages from a durable queue (competing consumers: any number of workers share
/// it), analyses each, stores it in one transaction and only then acknowledges it. Failures:
/// <list type="bullet">
/// <item>a message that can never be stored (not JSON, no text, too large, binary) goes to the
/// dead-letter queue at once, with the reason in its headers;</item>
/// <item>an analysis, or a store that fails for a reason of the article's own, is tried
/// <see cref="WorkerOptions.MaxTries"/> times, then dead-lettered;</item>
/// <item>the database being away (refused or cut connections, shutdown) is waited out with capped
/// exponential back-off while the message stays unacknowledged: nothing is lost, and because a store
/// replaces the article's rows, nothing is written twice;</item>
/// <item>the broker going away ends the session: stored articles whose acknowledgement could not be
/// sent are redelivered and stored again (replacing), and the worker reconnects with back-off.</item>
/// </list>
/// On stop (SIGTERM), the consumer is cancelled, the articles being processed are finished, stored and
/// acknowledged, messages received but not started are handed back to the broker, and the worker exits.
/// </summary>
internal sealed class ArticleConsumer : BackgroundService
{
    public const string ReasonHeader = "x-newsextract-reason";
    public const string TriesHeader = "x-newsextract-tries";
    public const string SourceQueueHeader = "x-newsextract-queue";

    private readonly IArticleAnalyzer _analyzer;
    private readonly ArticleStore _store;
    private readonly WorkerOptions _options;
    private readonly ILogger<ArticleConsumer> _logger;
    private readonly CancellationTokenSource _hardStop = new();
    private long _stored;
    private long _deadLettered;
    private long _outageRetries;
    private long _failedTries;

    public ArticleConsumer(IArticleAnalyzer analyzer, ArticleStore store, IOptions<WorkerOptions> options, ILogger<ArticleConsumer> logger)
    {
        _analyzer = analyzer;
        _store = store;
        _options = options.Value;
        _logger = logger;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // cancellationToken fires when the host's shutdown timeout is over: then give up on articles in flight.
        await using CancellationTokenRegistration registration = cancellationToken.Register(_hardStop.Cancel);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _hardStop.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _logger.LogInformation(
            "Worker {Process} starting: queue {Queue}, dead letters {DeadLetterQueue}, concurrency {Concurrency}, prefetch {Prefetch}",
            Environment.ProcessId, _options.Queue, _options.EffectiveDeadLetterQueue, _options.EffectiveConcurrency, _options.EffectivePrefetch);
        if (!await MigrateAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        using var statsStop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        Task stats = LogStatsAsync(statsStop.Token);
        int attempt = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                bool received = await RunSessionAsync(stoppingToken).ConfigureAwait(false);
                attempt = received ? 0 : attempt;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is BrokerUnreachableException or AlreadyClosedException or OperationInterruptedException or IOException or System.Net.Sockets.SocketException or TimeoutException)
            {
                attempt++;
                TimeSpan delay = _options.Backoff(attempt);
                _logger.LogWarning("Broker unavailable ({Error}); reconnecting in {Delay} ms", ex.Message, (int)delay.TotalMilliseconds);
                await Delay(delay, stoppingToken).ConfigureAwait(false);
            }
        }

        await statsStop.CancelAsync().ConfigureAwait(false);
        await stats.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _logger.LogInformation("Worker {Process} stopped: {Stored} articles stored, {DeadLettered} dead-lettered", Environment.ProcessId, Interlocked.Read(ref _stored), Interlocked.Read(ref _deadLettered));
    }

    /// <summary>Applies the schema, waiting out a database that is not there yet.</summary>
    private async Task<bool> MigrateAsync(CancellationToken stoppingToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await SchemaMigrator.MigrateAsync(_store.DataSource, _logger, stoppingToken).ConfigureAwait(false);
                return true;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception ex) when (ArticleStore.IsOutage(ex))
            {
                TimeSpan delay = _options.Backoff(attempt);
                _logger.LogWarning("Database unavailable for the schema migration ({Error}); retrying in {Delay} ms", ex.Message, (int)delay.TotalMilliseconds);
                _store.ClearPool();
                if (!await Delay(delay, stoppingToken).ConfigureAwait(false))
                {
                    return false;
                }
            }
        }
    }

    /// <summary>One connection to the broker, until it is lost (throws) or the worker stops (returns).</summary>
    private async Task<bool> RunSessionAsync(CancellationToken stoppingToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(_options.RabbitMq),
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            RequestedHeartbeat = TimeSpan.FromSeconds(10),
            ClientProvidedName = $"newsextract-worker {Environment.MachineName} {Environment.ProcessId}",
        };
        await using IConnection connection = await factory.CreateConnectionAsync(stoppingToken).ConfigureAwait(false);
        await using IChannel channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
        await using IChannel deadLetters = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), stoppingToken).ConfigureAwait(false);
        await DeclareQueuesAsync(channel, _options, stoppingToken).ConfigureAwait(false);
        await channel.BasicQosAsync(0, _options.EffectivePrefetch, false, stoppingToken).ConfigureAwait(false);

        var lost = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.ConnectionShutdownAsync += (_, e) =>
        {
            lost.TrySetResult("connection closed: " + e.ReplyText);
            return Task.CompletedTask;
        };
        channel.ChannelShutdownAsync += (_, e) =>
        {
            lost.TrySetResult("channel closed: " + e.ReplyText);
            return Task.CompletedTask;
        };

        var session = new Session(channel, deadLetters);
        Channel<Delivery> deliveries = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = true });
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, e) =>
        {
            // The body's memory belongs to the client only during this call: copy it.
            var delivery = new Delivery(e.DeliveryTag, e.Body.ToArray(), e.Redelivered);
            if (!deliveries.Writer.TryWrite(delivery))
            {
                await session.NackAsync(delivery.Tag).ConfigureAwait(false);
            }
        };
        string consumerTag = await channel.BasicConsumeAsync(_options.Queue, autoAck: false, consumer, stoppingToken).ConfigureAwait(false);
        _logger.LogInformation("Connected to the broker; consuming {Queue}", _options.Queue);

        // Processors take no new delivery once the worker stops or the session is lost.
        using var stopTaking = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var processors = new Task[_options.EffectiveConcurrency];
        for (int i = 0; i < processors.Length; i++)
        {
            processors[i] = Task.Run(() => ProcessLoopAsync(deliveries.Reader, session, stopTaking.Token), CancellationToken.None);
        }

        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (stoppingToken.Register(() => stopped.TrySetResult()))
        {
            await Task.WhenAny(lost.Task, stopped.Task).ConfigureAwait(false);
        }

        if (lost.Task.IsCompleted)
        {
            _logger.LogWarning("Broker session lost ({Reason})", lost.Task.Result);
        }

        await stopTaking.CancelAsync().ConfigureAwait(false);

        if (!lost.Task.IsCompleted)
        {
            // Stopping: no new deliveries; finish the articles in hand, hand the rest back.
            try
            {
                await channel.BasicCancelAsync(consumerTag, noWait: false, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
            {
                _logger.LogDebug("Cancelling the consumer failed: {Error}", ex.Message);
            }
        }

        deliveries.Writer.TryComplete();
        await Task.WhenAll(processors).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        while (deliveries.Reader.TryRead(out Delivery? unstarted))
        {
            await session.NackAsync(unstarted.Tag).ConfigureAwait(false);
        }

        if (lost.Task.IsCompleted)
        {
            throw new AlreadyClosedException(new ShutdownEventArgs(ShutdownInitiator.Peer, 0, lost.Task.Result));
        }

        try
        {
            await channel.CloseAsync(CancellationToken.None).ConfigureAwait(false);
            await connection.CloseAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
        {
            _logger.LogDebug("Closing the connection failed: {Error}", ex.Message);
        }

        return true;
    }

    public static async Task DeclareQueuesAsync(IChannel channel, WorkerOptions options, CancellationToken cancellationToken)
    {
        await channel.QueueDeclareAsync(options.Queue, durable: true, exclusive: false, autoDelete: false, arguments: null, cancellationToken: cancellationToken).ConfigureAwait(false);
        await channel.QueueDeclareAsync(options.EffectiveDeadLetterQueue, durable: true, exclusive: false, autoDelete: false, arguments: null, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task ProcessLoopAsync(ChannelReader<Delivery> deliveries, Session session, CancellationToken stopTaking)
    {
        // On stop, finish the article in hand but start no new one.
        while (!stopTaking.IsCancellationRequested)
        {
            Delivery? delivery;
            try
            {
                if (!await deliveries.WaitToReadAsync(stopTaking).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (stopTaking.IsCancellationRequested || !deliveries.TryRead(out delivery))
            {
                continue;
            }

            try
            {
                await ProcessAsync(delivery, session).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_hardStop.IsCancellationRequested)
            {
                // Shutdown timeout: the unacknowledged message is redelivered to another worker.
                return;
            }
            catch (Exception ex)
            {
                // Left unacknowledged (say the dead-letter publish failed with the broker): redelivered later.
                _logger.LogError("Message {Tag} left for redelivery: {Error}", delivery.Tag, ex.Message);
            }
        }
    }

    private async Task ProcessAsync(Delivery delivery, Session session)
    {
        CancellationToken token = _hardStop.Token;
        ArticleMessage article;
        try
        {
            article = ArticleMessage.Parse(delivery.Body, _options.MaxTextBytes);
        }
        catch (PoisonMessageException ex)
        {
            await DeadLetterAsync(delivery, session, ex.Message, tries: 1).ConfigureAwait(false);
            return;
        }

        string? analysis = null;
        for (int tries = 1; ; tries++)
        {
            try
            {
                analysis ??= await Task.Run(() => ArticleAnalysisJson.Serialize(_analyzer.Analyze(article.Text, token)), token).ConfigureAwait(false);
                await StoreThroughOutagesAsync(article, analysis, token).ConfigureAwait(false);
                break;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                Interlocked.Increment(ref _failedTries);
                string stage = analysis is null ? "analysis" : "store";
                if (tries >= _options.MaxTries)
                {
                    await DeadLetterAsync(delivery, session, $"{stage} failed {tries} times: {ex.GetType().Name}: {ex.Message}", tries).ConfigureAwait(false);
                    return;
                }

                _logger.LogWarning("Article {Id}: {Stage} failed (try {Try} of {MaxTries}): {Error}", article.Id, stage, tries, _options.MaxTries, ex.Message);
                await Task.Delay(_options.Backoff(tries), token).ConfigureAwait(false);
            }
        }

        Interlocked.Increment(ref _stored);
        await session.AckAsync(delivery.Tag, _logger).ConfigureAwait(false);
    }

    /// <summary>Stores the article, waiting out database outages (those do not count as tries).</summary>
    private async Task StoreThroughOutagesAsync(ArticleMessage article, string analysis, CancellationToken token)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await _store.StoreAsync(article, analysis, token).ConfigureAwait(false);
                if (attempt > 1)
                {
                    _logger.LogInformation("Database back: article {Id} stored after {Attempts} attempts", article.Id, attempt);
                }

                return;
            }
            catch (Exception ex) when (ArticleStore.IsOutage(ex) && !token.IsCancellationRequested)
            {
                Interlocked.Increment(ref _outageRetries);
                _store.ClearPool();
                TimeSpan delay = _options.Backoff(attempt);
                if (attempt == 1 || attempt % 10 == 0)
                {
                    _logger.LogWarning("Database unavailable storing article {Id} ({Error}); retrying in {Delay} ms (attempt {Attempt})", article.Id, ex.Message, (int)delay.TotalMilliseconds, attempt);
                }

                await Task.Delay(delay, token).ConfigureAwait(false);
            }
        }
    }

    private async Task DeadLetterAsync(Delivery delivery, Session session, string reason, int tries)
    {
        var properties = new BasicProperties
        {
            Persistent = true,
            ContentType = "application/json",
            Headers = new Dictionary<string, object?>
            {
                [ReasonHeader] = Encoding.UTF8.GetBytes(reason.Length > 2000 ? reason[..2000] : reason),
                [TriesHeader] = tries,
                [SourceQueueHeader] = Encoding.UTF8.GetBytes(_options.Queue),
            },
        };

        // Confirmed before the original is acknowledged: a crash in between dead-letters it twice, never zero times.
        await session.DeadLetters.BasicPublishAsync(string.Empty, _options.EffectiveDeadLetterQueue, mandatory: true, properties, delivery.Body, _hardStop.Token).ConfigureAwait(false);
        Interlocked.Increment(ref _deadLettered);
        _logger.LogWarning("Message {Tag} dead-lettered after {Tries} tries: {Reason}", delivery.Tag, tries, reason.Length > 300 ? reason[..300] : reason);
        await session.AckAsync(delivery.Tag, _logger).ConfigureAwait(false);
    }

    private async Task LogStatsAsync(CancellationToken token)
    {
        var clock = Stopwatch.StartNew();
        long lastStored = 0;
        TimeSpan lastTime = TimeSpan.Zero;
        while (await Delay(_options.StatsInterval, token).ConfigureAwait(false))
        {
            long stored = Interlocked.Read(ref _stored);
            TimeSpan now = clock.Elapsed;
            double rate = (stored - lastStored) / Math.Max((now - lastTime).TotalSeconds, 1e-3);
            if (stored != lastStored)
            {
                _logger.LogInformation(
                    "Throughput: {Rate:F1} articles/s; {Stored} stored, {DeadLettered} dead-lettered, {FailedTries} failed tries, {OutageRetries} outage retries",
                    rate, stored, Interlocked.Read(ref _deadLettered), Interlocked.Read(ref _failedTries), Interlocked.Read(ref _outageRetries));
            }

            lastStored = stored;
            lastTime = now;
        }
    }

    private static async Task<bool> Delay(TimeSpan delay, CancellationToken token)
    {
        try
        {
            await Task.Delay(delay, token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private sealed record Delivery(ulong Tag, byte[] Body, bool Redelivered);

    /// <summary>The channels of one connection; acknowledgements are sent one at a time.</summary>
    private sealed class Session(IChannel channel, IChannel deadLetters)
    {
        private readonly SemaphoreSlim _ackLock = new(1, 1);

        public IChannel DeadLetters { get; } = deadLetters;

        public async Task AckAsync(ulong tag, ILogger logger)
        {
            await _ackLock.WaitAsync().ConfigureAwait(false);
            try
            {
                await channel.BasicAckAsync(tag, multiple: false).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException or ObjectDisposedException)
            {
                // The broker redelivers the message; storing it again replaces the same rows.
                logger.LogInformation("Acknowledgement of message {Tag} lost with the connection ({Error}); it will be redelivered", tag, ex.Message);
            }
            finally
            {
                _ackLock.Release();
            }
        }

        public async Task NackAsync(ulong tag)
        {
            await _ackLock.WaitAsync().ConfigureAwait(false);
            try
            {
                await channel.BasicNackAsync(tag, multiple: false, requeue: true).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException or ObjectDisposedException)
            {
                // The broker requeues unacknowledged messages of a closed channel anyway.
            }
            finally
            {
                _ackLock.Release();
            }
        }
    }
}
