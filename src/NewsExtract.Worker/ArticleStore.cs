using System.Net.Sockets;
using Npgsql;
using NpgsqlTypes;

namespace NewsExtract.Worker;

/// <summary>
/// Writes one analysed article to PostgreSQL in one transaction: the article row is upserted (which
/// locks it, so two writers of the same id take turns), its entities, mentions and quotes are deleted
/// and inserted again from the stored analysis JSON. Storing an article twice therefore leaves exactly
/// the rows of the last analysis: idempotent by article id.
/// </summary>
internal sealed class ArticleStore : IAsyncDisposable
{
    // The rows are cut out of the analysis (CONTRACT.md JSON) by the server, in one round trip.
    private const string UpsertArticle = """
        INSERT INTO articles (article_id, title, text_length, published_at, fields, analysis)
        VALUES ($1, $2::jsonb ->> 'title', $3, $4, $5, $2)
        ON CONFLICT (article_id) DO UPDATE SET
            title = EXCLUDED.title, text_length = EXCLUDED.text_length, published_at = EXCLUDED.published_at,
            fields = EXCLUDED.fields, analysis = EXCLUDED.analysis, stored_at = now(),
            store_count = articles.store_count + 1
        """;

    private const string InsertEntities = """
        INSERT INTO entities (article_id, entity_id, type, name, aliases, mention_count)
        SELECT a.article_id, (e ->> 'id')::int, e ->> 'type', e ->> 'name',
               ARRAY(SELECT jsonb_array_elements_text(COALESCE(e -> 'aliases', '[]'::jsonb))),
               COALESCE((e ->> 'mentionCount')::int, 0)
        FROM articles a, jsonb_array_elements(COALESCE(a.analysis -> 'entities', '[]'::jsonb)) e
        WHERE a.article_id = $1
        """;

    private const string InsertMentions = """
        INSERT INTO mentions (article_id, mention_index, start_offset, end_offset, text, type, entity_id, confidence)
        SELECT a.article_id, m.i - 1, (m.v ->> 'start')::int, (m.v ->> 'end')::int, m.v ->> 'text', m.v ->> 'type',
               (m.v ->> 'entityId')::int, (m.v ->> 'confidence')::real
        FROM articles a, jsonb_array_elements(COALESCE(a.analysis -> 'mentions', '[]'::jsonb)) WITH ORDINALITY m(v, i)
        WHERE a.article_id = $1
        """;

    private const string InsertQuotes = """
        INSERT INTO quotes (article_id, quote_index, start_offset, end_offset, text, kind,
                            speaker_entity_id, speaker_name, speaker_start, speaker_end, speaker_text,
                            cue_start, cue_end, cue_text)
        SELECT a.article_id, q.i - 1, (q.v ->> 'start')::int, (q.v ->> 'end')::int, q.v ->> 'text', q.v ->> 'kind',
               (q.v -> 'speaker' ->> 'entityId')::int, q.v -> 'speaker' ->> 'name',
               (q.v -> 'speaker' ->> 'start')::int, (q.v -> 'speaker' ->> 'end')::int, q.v -> 'speaker' ->> 'text',
               (q.v -> 'cue' ->> 'start')::int, (q.v -> 'cue' ->> 'end')::int, q.v -> 'cue' ->> 'text'
        FROM articles a, jsonb_array_elements(COALESCE(a.analysis -> 'quotes', '[]'::jsonb)) WITH ORDINALITY q(v, i)
        WHERE a.article_id = $1
        """;

    private readonly NpgsqlDataSource _dataSource;

    public ArticleStore(string connectionString)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public NpgsqlDataSource DataSource => _dataSource;

    /// <summary>Stores the article and its analysis; commits or throws (nothing half-written).</summary>
    public async Task StoreAsync(ArticleMessage article, string analysisJson, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command(UpsertArticle,
            new NpgsqlParameter { Value = article.Id, NpgsqlDbType = NpgsqlDbType.Text },
            new NpgsqlParameter { Value = analysisJson, NpgsqlDbType = NpgsqlDbType.Jsonb },
            new NpgsqlParameter { Value = article.Text.Length, NpgsqlDbType = NpgsqlDbType.Integer },
            new NpgsqlParameter { Value = article.PublishedAt.HasValue ? article.PublishedAt.Value : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz },
            new NpgsqlParameter { Value = article.FieldsJson, NpgsqlDbType = NpgsqlDbType.Jsonb }));
        foreach (string table in (ReadOnlySpan<string>)["mentions", "quotes", "entities"])
        {
            batch.BatchCommands.Add(Command($"DELETE FROM {table} WHERE article_id = $1", IdParameter(article.Id)));
        }

        batch.BatchCommands.Add(Command(InsertEntities, IdParameter(article.Id)));
        batch.BatchCommands.Add(Command(InsertMentions, IdParameter(article.Id)));
        batch.BatchCommands.Add(Command(InsertQuotes, IdParameter(article.Id)));
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops pooled connections (after an outage they are all dead).</summary>
    public void ClearPool() => _dataSource.Clear();

    /// <summary>
    /// Whether an error means the database is away or overloaded for now (connection refused or cut,
    /// shutting down, starting up, too many connections, serialization conflicts) rather than a problem
    /// with this article: such errors are retried without counting a try.
    /// </summary>
    public static bool IsOutage(Exception ex) => ex switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal)
            || pg.SqlState is "57P01" or "57P02" or "57P03" or "53300" or "40001" or "40P01" or "55006"
            || pg.IsTransient,
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        SocketException or TimeoutException or IOException => true,
        _ => false,
    };

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter IdParameter(string id) => new() { Value = id, NpgsqlDbType = NpgsqlDbType.Text };

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
