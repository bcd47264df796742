using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Ditib.Beratung.Benchmarks.Load;

/// <summary>
/// The storage limit: one writer looping single-row insert transactions into a scratch file with the API's settings
/// (WAL, <c>synchronous=FULL</c>, <c>BEGIN IMMEDIATE</c>), through the same driver.
/// </summary>
public static class BareInsertLimit
{
    private const int MaxTransactions = 1_000_000;

    public static (int Transactions, double PerSecond) Measure(string folder, TimeSpan duration)
    {
        var path = Path.Combine(folder, $"bare-insert-{Guid.NewGuid():N}.db");
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;
            CREATE TABLE row (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, payload BLOB NOT NULL);
            """);
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO row (id, created_at, payload) VALUES ($id, $at, $payload)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var at = insert.Parameters.Add("$at", SqliteType.Text);
        var payload = insert.Parameters.Add("$payload", SqliteType.Blob);
        var bytes = RandomNumberGenerator.GetBytes(256);

        var clock = Stopwatch.StartNew();
        var count = 0;
        while (clock.Elapsed < duration && count < MaxTransactions)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            insert.Transaction = transaction;
            id.Value = Guid.CreateVersion7().ToString();
            at.Value = DateTime.UtcNow.ToString("O");
            payload.Value = bytes;
            insert.ExecuteNonQuery();
            transaction.Commit();
            count++;
        }

        return (count, count / clock.Elapsed.TotalSeconds);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
