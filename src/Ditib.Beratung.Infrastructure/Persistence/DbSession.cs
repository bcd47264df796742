using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Dapper;
using Ditib.Beratung.Application.Common;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>
/// The request's connection for reads and, for commands, its place in the write transaction: between
/// <see cref="BeginAsync"/> and <see cref="CommitAsync"/>/<see cref="RollbackAsync"/> every statement runs on the
/// connection and in the transaction <see cref="IWriteTransactions"/> hands out, so that its reads and writes cannot
/// interleave with another writer's. Every statement goes through the helpers below, which translate the database's
/// errors (<see cref="IDatabaseErrors"/>) and adapt the SQL to the provider (<see cref="SqlDialect"/>): the stores hold
/// SQL and mapping only.
/// </summary>
public sealed class DbSession(IDatabaseConnections connections, IWriteTransactions writes, IDatabaseErrors errors, SqlDialect? dialect = null)
    : IUnitOfWork, IAsyncDisposable
{
    private DbConnection? connection;
    private IWriteTransaction? write;

    public bool InTransaction => write is not null;

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync(static (c, command) => c.QueryAsync<T>(command), sql, parameters, cancellationToken);

    public Task<T> QuerySingleAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync(static (c, command) => c.QuerySingleAsync<T>(command), sql, parameters, cancellationToken);

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync(static (c, command) => c.QuerySingleOrDefaultAsync<T>(command), sql, parameters, cancellationToken);

    public Task<T?> ExecuteScalarAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync(static (c, command) => c.ExecuteScalarAsync<T>(command), sql, parameters, cancellationToken);

    /// <summary>Runs a statement (once per element when <paramref name="parameters"/> is a list); returns the rows changed.</summary>
    public Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync(static (c, command) => c.ExecuteAsync(command), sql, parameters, cancellationToken);

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (write is not null)
        {
            throw new InvalidOperationException("A write transaction is already open in this request.");
        }

        // The request's read connection goes back to the pool before the write transaction takes one: on PostgreSQL
        // both come from the same pool, and requests each holding one while waiting for a second would take every
        // connection and wait for each other (TwoInstanceTests: 50 concurrent bookings hung). Later reads open anew.
        if (connection is not null)
        {
            await connection.DisposeAsync();
            connection = null;
        }

        try
        {
            write = await writes.EnterAsync(cancellationToken);
        }
        catch (DbException exception) when (Translates(exception, out var translated))
        {
            throw translated;
        }
    }

    /// <summary>Keeps the command's work; returns once it is durable (committed, possibly with other commands').</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await EndAsync(succeeded: true);
        }
        catch (DbException exception) when (Translates(exception, out var translated))
        {
            throw translated;
        }
    }

    public Task RollbackAsync() => write is null ? Task.CompletedTask : EndAsync(succeeded: false);

    public async ValueTask DisposeAsync()
    {
        await RollbackAsync();
        if (connection is not null)
        {
            await connection.DisposeAsync();
            connection = null;
        }
    }

    /// <summary>Runs one statement on the write transaction's connection, or else on the request's own.</summary>
    private async Task<TResult> RunAsync<TResult>(
        Func<DbConnection, CommandDefinition, Task<TResult>> run, string sql, object? parameters, CancellationToken cancellationToken)
    {
        try
        {
            var target = write?.Connection ?? (connection ??= await connections.OpenAsync(cancellationToken));
            var text = (dialect ?? SqlDialect.Sqlite).Adapt(sql);
            return await run(target, new CommandDefinition(text, parameters, write?.Transaction, cancellationToken: cancellationToken));
        }
        catch (DbException exception) when (Translates(exception, out var translated))
        {
            throw translated;
        }
    }

    private bool Translates(DbException exception, [NotNullWhen(true)] out Exception? translated)
    {
        translated = errors.Translate(exception);
        return translated is not null;
    }

    private Task EndAsync(bool succeeded)
    {
        if (write is not { } ending)
        {
            throw new InvalidOperationException("No write transaction is open in this request.");
        }

        write = null;
        return ending.LeaveAsync(succeeded);
    }
}
