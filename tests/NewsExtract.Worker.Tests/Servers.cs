using System.Net.Sockets;
using Npgsql;

namespace NewsExtract.Worker.Tests;

/// <summary>
/// The real RabbitMQ and PostgreSQL servers the tests run against (started by eng/test-servers.sh,
/// which .ci/run calls). Settings come from NEWSEXTRACT_TEST_RABBITMQ and NEWSEXTRACT_TEST_POSTGRES
/// (defaults: the script's loopback settings). When a server cannot be reached the tests skip with
/// the reason, except under CI=true, where they fail.
/// </summary>
internal static class Servers
{
    public const string DefaultRabbitMq = "amqp://guest:guest@127.0.0.1:5672/";
    public const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=newsextract;Password=newsextract;Database=newsextract";

    private static readonly Lazy<string?> s_unreachable = new(Probe);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string RabbitMq => Environment.GetEnvironmentVariable("NEWSEXTRACT_TEST_RABBITMQ") is { Length: > 0 } v ? v : DefaultRabbitMq;

    public static string Postgres => Environment.GetEnvironmentVariable("NEWSEXTRACT_TEST_POSTGRES") is { Length: > 0 } v ? v : DefaultPostgres;

    /// <summary>Skips (or fails under CI) unless both servers answer.</summary>
    public static void Require()
    {
        if (s_unreachable.Value is string reason)
        {
            SkipOrFail(reason);
        }
    }

    /// <summary>The shell commands that stop and start PostgreSQL (for the outage test); skips (fails under CI) when unset.</summary>
    public static (string Stop, string Start) RequirePostgresControl()
    {
        string? stop = Environment.GetEnvironmentVariable("NEWSEXTRACT_TEST_PG_STOP");
        string? start = Environment.GetEnvironmentVariable("NEWSEXTRACT_TEST_PG_START");
        if (string.IsNullOrEmpty(stop) || string.IsNullOrEmpty(start))
        {
            SkipOrFail("NEWSEXTRACT_TEST_PG_STOP and NEWSEXTRACT_TEST_PG_START (shell commands that stop and start PostgreSQL) are not set; eng/test-servers.sh prints them.");
        }

        return (stop!, start!);
    }

    private static void SkipOrFail(string reason)
    {
        reason += " Start the servers with: eval \"$(sudo bash eng/test-servers.sh)\".";
        if (IsCi)
        {
            Assert.Fail(reason + " CI=true, so this is a failure.");
        }

        Assert.Skip(reason);
    }

    private static string? Probe()
    {
        var amqp = new Uri(RabbitMq);
        if (!CanConnect(amqp.Host, amqp.Port > 0 ? amqp.Port : 5672))
        {
            return $"RabbitMQ is not reachable at {amqp.Host}:{amqp.Port}.";
        }

        var pg = new NpgsqlConnectionStringBuilder(Postgres);
        if (!CanConnect(pg.Host ?? "127.0.0.1", pg.Port))
        {
            return $"PostgreSQL is not reachable at {pg.Host}:{pg.Port}.";
        }

        return null;
    }

    private static bool CanConnect(string host, int port)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(host, port).Wait(TimeSpan.FromSeconds(3)) && client.Connected;
        }
        catch (Exception ex) when (ex is SocketException or AggregateException)
        {
            return false;
        }
    }
}
