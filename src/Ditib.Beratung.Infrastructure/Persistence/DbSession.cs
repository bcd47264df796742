using Dapper;
using Ditib.Beratung.Application.Common;
using Microsoft.Data.Sqlite;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>
/// The request's one connection and, for commands, its one write transaction (<c>BEGIN IMMEDIATE</c>, taken when
/// the command starts so that its reads and writes cannot interleave with another writer's).
/// </summary>
public sealed class DbSession(ConnectionFactory connections, WriteGate writeGate) : IUnitOfWork, IAsyncDisposable
{
    private SqliteConnection? connection;
    private SqliteTransaction? transaction;
    private bool holdsGate;

    public bool InTransaction => transaction is not null;

    public async Task<SqliteConnection> ConnectionAsync(CancellationToken cancellationToken) =>
        connection ??= await connections.OpenAsync(cancellationToken);

    /// <summary>A Dapper command bound to the session's transaction, if one is open.</summary>
    public CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (transaction is not null)
        {
            throw new InvalidOperationException("A write transaction is already open in this request.");
        }

        await writeGate.EnterAsync(cancellationToken);
        holdsGate = true;
        try
        {
            var open = await ConnectionAsync(cancellationToken);
            transaction = open.BeginTransaction(deferred: false);
        }
        catch
        {
            LeaveGate();
            throw;
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await transaction!.CommitAsync(cancellationToken);
        }
        finally
        {
            await EndTransactionAsync();
        }
    }

    public async Task RollbackAsync()
    {
        if (transaction is null)
        {
            return;
        }

        try
        {
            await transaction.RollbackAsync();
        }
        finally
        {
            await EndTransactionAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await RollbackAsync();
        if (connection is not null)
        {
            await connection.DisposeAsync();
            connection = null;
        }
    }

    private async Task EndTransactionAsync()
    {
        if (transaction is not null)
        {
            await transaction.DisposeAsync();
            transaction = null;
        }

        LeaveGate();
    }

    private void LeaveGate()
    {
        if (holdsGate)
        {
            holdsGate = false;
            writeGate.Leave();
        }
    }
}
