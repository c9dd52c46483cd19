using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace NewsExtract.Worker;

/// <summary>
/// Applies the embedded schema scripts (Schema/NNN_*.sql) that the database has not seen yet, in
/// order, each in its own transaction, recorded in <c>schema_migrations</c>. A transaction-scoped
/// advisory lock makes workers that start at the same moment take turns.
/// </summary>
internal static class SchemaMigrator
{
    private const long LockKey = 0x4E6577734578; // "NewsEx"

    public static async Task<int> MigrateAsync(NpgsqlDataSource dataSource, ILogger logger, CancellationToken cancellationToken)
    {
        int applied = 0;
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        foreach ((int version, string name, string sql) in Scripts())
        {
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var command = new NpgsqlCommand("""
                SELECT pg_advisory_xact_lock($1);
                CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
                """.Replace("$1", LockKey.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var check = new NpgsqlCommand("SELECT count(*) FROM schema_migrations WHERE version = $1", connection, transaction))
            {
                check.Parameters.Add(new NpgsqlParameter { Value = version });
                if ((long)(await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! > 0)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }

            await using (var script = new NpgsqlCommand(sql, connection, transaction))
            {
                await script.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", connection, transaction))
            {
                record.Parameters.Add(new NpgsqlParameter { Value = version });
                record.Parameters.Add(new NpgsqlParameter { Value = name });
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            applied++;
            logger.LogInformation("Applied schema migration {Version} ({Name})", version, name);
        }

        return applied;
    }

    /// <summary>The embedded scripts, by version (the number before the first underscore).</summary>
    public static IEnumerable<(int Version, string Name, string Sql)> Scripts()
    {
        Assembly assembly = typeof(SchemaMigrator).Assembly;
        const string Prefix = "NewsExtract.Worker.Schema.";
        var scripts = new List<(int, string, string)>();
        foreach (string resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            string name = resource[Prefix.Length..];
            int version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add((version, name, reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return scripts;
    }
}
