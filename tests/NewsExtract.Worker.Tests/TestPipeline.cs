using System.Text;
using System.Text.Json;
using Npgsql;
using RabbitMQ.Client;

namespace NewsExtract.Worker.Tests;

/// <summary>
/// One test's own queue (and dead-letter queue) and its own PostgreSQL schema, so tests cannot see each
/// other's rows or messages; both are removed on dispose. Helpers publish articles, wait (always with a
/// deadline) and compare the stored rows with the library's own analysis of the same texts.
/// </summary>
internal sealed class TestPipeline : IAsyncDisposable
{
    private readonly string _schema;
    private readonly NpgsqlDataSource _admin;

    public TestPipeline(string name)
    {
        Servers.Require();
        string suffix = name + "_" + Guid.NewGuid().ToString("N")[..8];
        _schema = "t_" + suffix;
        Queue = "test." + suffix;
        ConnectionString = new NpgsqlConnectionStringBuilder(Servers.Postgres) { SearchPath = _schema }.ConnectionString;
        _admin = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(Servers.Postgres) { SearchPath = _schema, Pooling = false }.ConnectionString);
        Execute($"CREATE SCHEMA {_schema}");
    }

    public string Queue { get; }

    public string DeadLetterQueue => Queue + ".dead";

    public string ConnectionString { get; }

    public async Task PublishAsync(IEnumerable<byte[]> bodies)
    {
        var options = new WorkerOptions { RabbitMq = Servers.RabbitMq, Queue = Queue };
        await using ArticlePublisher publisher = await ArticlePublisher.ConnectAsync(options, TestContext.Current.CancellationToken);
        await publisher.PublishAsync(bodies.Select(b => (ReadOnlyMemory<byte>)b), TestContext.Current.CancellationToken);
    }

    public Task PublishArticlesAsync(int from, int count) => PublishAsync(Enumerable.Range(from, count).Select(Articles.Message));

    /// <summary>The number of stored articles; -1 while the database cannot be reached (outage test).</summary>
    public long CountArticles()
    {
        try
        {
            return Scalar("SELECT count(*) FROM articles");
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            return -1;
        }
    }

    public long Scalar(string sql)
    {
        using NpgsqlConnection connection = _admin.OpenConnection();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Polls until the condition holds; fails with the message (and the workers' logs) after the timeout.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> failure)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"not reached within {timeout.TotalSeconds:F0} s: {failure()}");
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    public Task WaitForArticlesAsync(long count, TimeSpan timeout, params WorkerProcess[] workers)
        => WaitUntilAsync(() => CountArticles() >= count, timeout,
            () => $"{CountArticles()} of {count} articles stored.\n" + string.Join("\n---\n", workers.Select(w => Tail(w.Log))));

    /// <summary>Messages in a queue (ready ones; unacknowledged ones are not counted).</summary>
    public async Task<uint> MessageCountAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(Servers.RabbitMq) };
        await using IConnection connection = await factory.CreateConnectionAsync(TestContext.Current.CancellationToken);
        await using IChannel channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
        return await channel.MessageCountAsync(queue, TestContext.Current.CancellationToken);
    }

    /// <summary>Takes every message of the dead-letter queue: its reason header and its body size.</summary>
    public async Task<List<(string Reason, int BodyLength)>> DrainDeadLettersAsync()
    {
        var factory = new ConnectionFactory { Uri = new Uri(Servers.RabbitMq) };
        await using IConnection connection = await factory.CreateConnectionAsync(TestContext.Current.CancellationToken);
        await using IChannel channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
        var result = new List<(string, int)>();
        while (await channel.BasicGetAsync(DeadLetterQueue, autoAck: true, TestContext.Current.CancellationToken) is BasicGetResult message)
        {
            object? reason = null;
            message.BasicProperties.Headers?.TryGetValue(ArticleConsumer.ReasonHeader, out reason);
            result.Add((reason is byte[] bytes ? Encoding.UTF8.GetString(bytes) : "(no reason)", message.Body.Length));
        }

        return result;
    }

    /// <summary>
    /// Asserts that exactly the articles <paramref name="from"/>..+<paramref name="count"/> are stored, once
    /// each, and that each one's entities, mentions and quotes are exactly the library's own analysis of its text.
    /// </summary>
    public void AssertStoredExactlyOnce(int from, int count)
    {
        var expectedIds = Enumerable.Range(from, count).Select(Articles.Id).ToHashSet(StringComparer.Ordinal);
        var stored = Rows("SELECT article_id, store_count FROM articles", r => (r.GetString(0), r.GetInt32(1)));
        Assert.Equal(count, stored.Count);
        Assert.True(expectedIds.SetEquals(stored.Select(s => s.Item1)), "stored ids differ from the published ones");

        var entities = Rows(
            "SELECT article_id, entity_id, type, name, array_to_string(aliases, '|'), mention_count FROM entities ORDER BY article_id, entity_id",
            r => (r.GetString(0), $"{r.GetInt32(1)} {r.GetString(2)} {r.GetString(3)} [{r.GetString(4)}] {r.GetInt32(5)}")).ToLookup(x => x.Item1, x => x.Item2);
        var quotes = Rows(
            "SELECT article_id, quote_index, start_offset, end_offset, text, kind, coalesce(speaker_name, '-'), coalesce(speaker_entity_id, -1) FROM quotes ORDER BY article_id, quote_index",
            r => (r.GetString(0), $"{r.GetInt32(1)} {r.GetInt32(2)}-{r.GetInt32(3)} {r.GetString(5)} {r.GetString(6)}#{r.GetInt32(7)} {r.GetString(4)}")).ToLookup(x => x.Item1, x => x.Item2);
        var mentions = Rows(
            "SELECT article_id, mention_index, start_offset, end_offset, type, entity_id FROM mentions ORDER BY article_id, mention_index",
            r => (r.GetString(0), $"{r.GetInt32(1)} {r.GetInt32(2)}-{r.GetInt32(3)} {r.GetString(4)} {r.GetInt32(5)}")).ToLookup(x => x.Item1, x => x.Item2);

        IArticleAnalyzer analyzer = ArticleAnalyzer.CreateDefault();
        int totalQuotes = 0;
        for (int i = from; i < from + count; i++)
        {
            string id = Articles.Id(i);
            using JsonDocument expected = JsonDocument.Parse(ArticleAnalysisJson.Serialize(analyzer.Analyze(Articles.Text(i), TestContext.Current.CancellationToken)));
            JsonElement root = expected.RootElement;
            Assert.Equal(
                root.GetProperty("entities").EnumerateArray().Select(e =>
                    $"{e.GetProperty("id").GetInt32()} {e.GetProperty("type").GetString()} {e.GetProperty("name").GetString()} [{string.Join('|', e.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()))}] {e.GetProperty("mentionCount").GetInt32()}"),
                entities[id]);
            Assert.Equal(
                root.GetProperty("quotes").EnumerateArray().Select((q, k) =>
                {
                    JsonElement speaker = q.GetProperty("speaker");
                    string name = speaker.ValueKind == JsonValueKind.Object ? speaker.GetProperty("name").GetString()! : "-";
                    int entity = speaker.ValueKind == JsonValueKind.Object && speaker.TryGetProperty("entityId", out JsonElement e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : -1;
                    return $"{k} {q.GetProperty("start").GetInt32()}-{q.GetProperty("end").GetInt32()} {q.GetProperty("kind").GetString()} {name}#{entity} {q.GetProperty("text").GetString()}";
                }),
                quotes[id]);
            Assert.Equal(
                root.GetProperty("mentions").EnumerateArray().Select((m, k) =>
                    $"{k} {m.GetProperty("start").GetInt32()}-{m.GetProperty("end").GetInt32()} {m.GetProperty("type").GetString()} {m.GetProperty("entityId").GetInt32()}"),
                mentions[id]);
            totalQuotes += root.GetProperty("quotes").GetArrayLength();
        }

        // The articles are written to have quotes and people: an empty comparison would prove nothing.
        Assert.True(totalQuotes >= count, $"only {totalQuotes} quotes in {count} articles");
    }

    public List<T> Rows<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        using NpgsqlConnection connection = _admin.OpenConnection();
        using var command = new NpgsqlCommand(sql, connection);
        using NpgsqlDataReader reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public static string Tail(string log, int lines = 40)
    {
        string[] all = log.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    private void Execute(string sql)
    {
        using NpgsqlConnection connection = _admin.OpenConnection();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            Execute($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
        }
        catch (NpgsqlException)
        {
            // Best effort: a leftover test schema does no harm.
        }

        try
        {
            var factory = new ConnectionFactory { Uri = new Uri(Servers.RabbitMq) };
            await using IConnection connection = await factory.CreateConnectionAsync();
            await using IChannel channel = await connection.CreateChannelAsync();
            await channel.QueueDeleteAsync(Queue, ifUnused: false, ifEmpty: false);
            await channel.QueueDeleteAsync(DeadLetterQueue, ifUnused: false, ifEmpty: false);
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.RabbitMQClientException or IOException or RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
        }

        await _admin.DisposeAsync();
    }
}
