using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>SQLite's connections, each with the settings below.</summary>
public sealed class ConnectionFactory(DatabaseOptions options) : IDatabaseConnections
{
    /// <summary>Per-connection settings: an acknowledged write survives a power cut; waits rather than fails on a lock.</summary>
    private const string Pragmas = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;";

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
