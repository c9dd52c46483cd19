using RabbitMQ.Client;

namespace NewsExtract.Worker;

/// <summary>
/// Publishes article messages to the worker's queue (persistent, with publisher confirms), for
/// <c>NewsExtract.Worker publish FILE</c>, eng/pipeline-check.sh and the integration tests.
/// </summary>
internal sealed class ArticlePublisher : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;

    private ArticlePublisher(IConnection connection, IChannel channel, string queue)
    {
        _connection = connection;
        _channel = channel;
        _queue = queue;
    }

    public static async Task<ArticlePublisher> ConnectAsync(WorkerOptions options, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(options.RabbitMq), ClientProvidedName = "newsextract-publisher" };
        IConnection connection = await factory.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
        IChannel channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken).ConfigureAwait(false);
        await ArticleConsumer.DeclareQueuesAsync(channel, options, cancellationToken).ConfigureAwait(false);
        return new ArticlePublisher(connection, channel, options.Queue);
    }

    /// <summary>Publishes the bodies, up to 256 awaiting their confirms at a time; returns when all are confirmed.</summary>
    public async Task<int> PublishAsync(IEnumerable<ReadOnlyMemory<byte>> bodies, CancellationToken cancellationToken)
    {
        var properties = new BasicProperties { Persistent = true, ContentType = "application/json" };
        var pending = new List<Task>(256);
        int count = 0;
        foreach (ReadOnlyMemory<byte> body in bodies)
        {
            pending.Add(_channel.BasicPublishAsync(string.Empty, _queue, mandatory: true, properties, body, cancellationToken).AsTask());
            count++;
            if (pending.Count == 256)
            {
                await Task.WhenAll(pending).ConfigureAwait(false);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
        return count;
    }

    /// <summary>Reads JSON lines (non-blank lines are published as they are; the worker validates them).</summary>
    public static IEnumerable<ReadOnlyMemory<byte>> ReadLines(Stream input)
    {
        using var reader = new StreamReader(input, System.Text.Encoding.UTF8);
        while (reader.ReadLine() is string line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return System.Text.Encoding.UTF8.GetBytes(line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync().ConfigureAwait(false);
        await _channel.DisposeAsync().ConfigureAwait(false);
        await _connection.CloseAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
