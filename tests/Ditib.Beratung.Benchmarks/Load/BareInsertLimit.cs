using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Ditib.Beratung.Benchmarks.Load;

/// <summary>
/// The storage limit: one writer looping single-row insert transactions of the shape of the API's rows (a text id, a
/// text instant, 256 bytes of ciphertext), as durable as the API's own: on SQLite a scratch file with the API's
/// settings (WAL, <c>synchronous=FULL</c>, <c>BEGIN IMMEDIATE</c>), on PostgreSQL a scratch table in the run's database
/// (the server's own <c>fsync</c> and <c>synchronous_commit</c>), each through the same driver as the API.
/// </summary>
public static class BareInsertLimit
{
    private const int MaxTransactions = 1_000_000;

    public static (int Transactions, double PerSecond) Sqlite(string folder, TimeSpan duration)
    {
        var path = Path.Combine(folder, $"bare-insert-{Guid.NewGuid():N}.db");
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;
                CREATE TABLE row (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, payload BLOB NOT NULL);
                """;
            create.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO row (id, created_at, payload) VALUES ($id, $at, $payload)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var at = insert.Parameters.Add("$at", SqliteType.Text);
        insert.Parameters.Add("$payload", SqliteType.Blob).Value = RandomNumberGenerator.GetBytes(256);
        return Loop(duration, () =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            insert.Transaction = transaction;
            id.Value = Guid.CreateVersion7().ToString();
            at.Value = DateTime.UtcNow.ToString("O");
            insert.ExecuteNonQuery();
            transaction.Commit();
        });
    }

    public static (int Transactions, double PerSecond) PostgreSql(string connectionString, TimeSpan duration)
    {
        var table = $"bare_insert_{Guid.NewGuid():N}";
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        Execute(connection, $"CREATE TABLE {table} (id text COLLATE \"C\" PRIMARY KEY, created_at text NOT NULL, payload bytea NOT NULL)");
        try
        {
            using var insert = new NpgsqlCommand($"INSERT INTO {table} (id, created_at, payload) VALUES (@id, @at, @payload)", connection);
            var id = insert.Parameters.Add("id", NpgsqlDbType.Text);
            var at = insert.Parameters.Add("at", NpgsqlDbType.Text);
            insert.Parameters.Add("payload", NpgsqlDbType.Bytea).Value = RandomNumberGenerator.GetBytes(256);
            insert.Prepare();
            return Loop(duration, () =>
            {
                using var transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                id.Value = Guid.CreateVersion7().ToString();
                at.Value = DateTime.UtcNow.ToString("O");
                insert.ExecuteNonQuery();
                transaction.Commit();
            });
        }
        finally
        {
            Execute(connection, $"DROP TABLE {table}");
        }
    }

    private static (int Transactions, double PerSecond) Loop(TimeSpan duration, Action transaction)
    {
        var clock = Stopwatch.StartNew();
        var count = 0;
        while (clock.Elapsed < duration && count < MaxTransactions)
        {
            transaction();
            count++;
        }

        return (count, count / clock.Elapsed.TotalSeconds);
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
