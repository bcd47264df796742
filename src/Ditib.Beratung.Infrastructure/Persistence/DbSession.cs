using System.Data.Common;
using Dapper;
using Ditib.Beratung.Application.Common;
using Microsoft.Data.Sqlite;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>
/// The request's connection for reads and, for commands, its place in the write transaction: between
/// <see cref="BeginAsync"/> and <see cref="CommitAsync"/>/<see cref="RollbackAsync"/> every statement runs on the
/// <see cref="WriteGate"/>'s writer connection inside the command's savepoint, so that its reads and writes cannot
/// interleave with another writer's.
/// </summary>
public sealed class DbSession(ConnectionFactory connections, WriteGate writeGate) : IUnitOfWork, IAsyncDisposable
{
    private SqliteConnection? connection;
    private DbConnection? writer;
    private SqliteTransaction? transaction;

    public bool InTransaction => transaction is not null;

    /// <summary>The request's connection; inside a write transaction, the writer with its kept statements.</summary>
    public async Task<DbConnection> ConnectionAsync(CancellationToken cancellationToken) =>
        writer ?? (connection ??= await connections.OpenAsync(cancellationToken));

    /// <summary>A Dapper command bound to the session's transaction, if one is open.</summary>
    public CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (transaction is not null)
        {
            throw new InvalidOperationException("A write transaction is already open in this request.");
        }

        (writer, transaction) = await writeGate.EnterAsync(cancellationToken);
    }

    /// <summary>Keeps the command's work; returns once it is durable (committed, possibly with other commands').</summary>
    public Task CommitAsync(CancellationToken cancellationToken) => EndAsync(succeeded: true);

    public Task RollbackAsync() => transaction is null ? Task.CompletedTask : EndAsync(succeeded: false);

    public async ValueTask DisposeAsync()
    {
        await RollbackAsync();
        if (connection is not null)
        {
            await connection.DisposeAsync();
            connection = null;
        }
    }

    private Task EndAsync(bool succeeded)
    {
        if (transaction is null)
        {
            throw new InvalidOperationException("No write transaction is open in this request.");
        }

        writer = null;
        transaction = null;
        return writeGate.LeaveAsync(succeeded);
    }
}
