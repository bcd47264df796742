using System.Data;
using System.Data.Common;
using Npgsql;

namespace Ditib.Beratung.Infrastructure.Persistence.PostgreSql;

/// <summary>
/// On PostgreSQL every command runs in an ordinary transaction of its own, on a connection from the pool, at
/// SERIALIZABLE: the database lets commands run side by side (across instances too) and refuses to commit one whose
/// result could differ from running them one after the other; the unit of work then runs that command again
/// (<see cref="Application.Common.UnitOfWorkExtensions.InTransactionAsync{T}"/>). What must be serialised is
/// serialised by the schema: the overbooking triggers lock the slot's row, the audit chain its high-water row.
/// Nothing is answered before COMMIT returns.
/// </summary>
public sealed class PostgreSqlTransactions(NpgsqlDataSource dataSource) : IWriteTransactions
{
    public async Task<IWriteTransaction> EnterAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            return new Command(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
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
                await connection.DisposeAsync();
            }
        }
    }
}
