using System.Data;
using System.Data.Common;
using Npgsql;

namespace Ditib.Beratung.Infrastructure.Persistence.PostgreSql;

/// <summary>
/// On PostgreSQL every command runs in an ordinary transaction of its own, on a connection from the pool, at
/// SERIALIZABLE. Commands take turns across every instance, as they do on SQLite's one writer: before BEGIN the
/// connection waits for a session advisory lock (<see cref="CommandLock"/>) and gives it back after COMMIT or
/// ROLLBACK (the server also drops it when the connection ends, so a killed instance holds nothing). Every command
/// appends to the audit chain, which orders them anyway: waiting for the lock before the transaction's snapshot is
/// taken queues them, where letting them run side by side made all but one fail to serialise at the chain's
/// high-water row and run again, until a burst of bookings ran out of attempts (503). SERIALIZABLE stays as the
/// database's own guard; the unit of work runs a command again when it still refuses one
/// (<see cref="Application.Common.UnitOfWorkExtensions.InTransactionAsync{T}"/>). Nothing is answered before COMMIT
/// returns. Reads do not take the lock.
/// </summary>
public sealed class PostgreSqlTransactions(NpgsqlDataSource dataSource) : IWriteTransactions
{
    /// <summary>The advisory lock key commands take turns on (the ASCII of "commands", as a number).</summary>
    public const long CommandLock = 0x636f6d6d616e6473;

    public async Task<IWriteTransaction> EnterAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await LockAsync(connection, "SELECT pg_advisory_lock(@key)", cancellationToken);
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            return new Command(connection, transaction);
        }
        catch
        {
            // Closing the session releases a lock it may hold.
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task LockAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", CommandLock);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class Command(NpgsqlConnection connection, NpgsqlTransaction transaction) : IWriteTransaction
    {
        public DbConnection Connection => connection;

        public DbTransaction Transaction => transaction;

        public async Task LeaveAsync(bool succeeded)
        {
            try
            {
                if (succeeded)
                {
                    await transaction.CommitAsync();
                }
                else
                {
                    await transaction.RollbackAsync();
                }
            }
            finally
            {
                await transaction.DisposeAsync();
                try
                {
                    await LockAsync(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
                }
                finally
                {
                    // Also when the unlock failed: the pool resets the session (DISCARD ALL), which drops it.
                    await connection.DisposeAsync();
                }
            }
        }
    }
}
