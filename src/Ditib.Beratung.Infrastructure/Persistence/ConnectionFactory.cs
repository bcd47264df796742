using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>SQLite's connections, each with the settings below.</summary>
public sealed class ConnectionFactory(DatabaseOptions options) : IDatabaseConnections
{
    /// <summary>
    /// Per-connection settings: an acknowledged write survives a power cut; waits rather than fails on a lock; a page
    /// cache of 256 KiB instead of SQLite's 2 MB default, since every pooled connection keeps its own (34 were open at
    /// the end of a load run: the caches, not the .NET heap of 12–14 MB, pushed the peak past 250 MiB; the operating
    /// system's file cache still holds the pages).
    /// </summary>
    private const string Pragmas = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA cache_size = -256;";

    /// <summary>The database file's full path.</summary>
    public string DataSource { get; } = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    async Task<DbConnection> IDatabaseConnections.OpenAsync(CancellationToken cancellationToken) => await OpenAsync(cancellationToken);
}
