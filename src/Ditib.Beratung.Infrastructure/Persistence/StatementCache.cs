using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>
/// The writer connection as the stores see it inside a write transaction, with its statements prepared once and kept.
/// Microsoft.Data.Sqlite keeps a command's prepared statements only as long as that command lives (a cache across
/// commands is still open: dotnet/efcore#14044), and Dapper makes a new command for every call, so every statement
/// used to be parsed and planned anew inside the write gate, triggers included. Here a command gets the
/// <see cref="SqliteCommand"/> kept for its SQL text (at most <see cref="Capacity"/> texts; others get a command of
/// their own, as before) and gives it back, prepared, when disposed. Single-threaded: only the holder of the write
/// gate uses it. Disposing the cache finalises the statements; the gate does that with the connection.
/// </summary>
[SuppressMessage("Security", "CA2100", Justification = "The SQL texts are the stores' constant strings; values are parameters.")]
internal sealed class StatementCache(SqliteConnection connection) : DbConnection
{
    public const int Capacity = 64;

    private readonly Dictionary<string, SqliteCommand> kept = new(StringComparer.Ordinal);
    private readonly HashSet<SqliteCommand> inUse = [];

    /// <summary>How many SQL texts have a kept statement.</summary>
    public int Count => kept.Count;

    [AllowNull]
    public override string ConnectionString
    {
        get => connection.ConnectionString;
        set => throw new NotSupportedException();
    }

    public override string Database => connection.Database;
    public override string DataSource => connection.DataSource;
    public override string ServerVersion => connection.ServerVersion;
    public override ConnectionState State => connection.State;

    public override void ChangeDatabase(string databaseName) => throw new NotSupportedException();

    public override void Close() => throw new NotSupportedException("The write gate owns the writer connection.");

    public override void Open() => throw new NotSupportedException("The write gate owns the writer connection.");

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) =>
        throw new NotSupportedException("The write gate owns the transaction.");

    protected override DbCommand CreateDbCommand() => new Command(this);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var command in kept.Values)
            {
                command.Dispose();
            }

            kept.Clear();
            inUse.Clear();
        }

        base.Dispose(disposing);
    }

    /// <summary>The kept command for the SQL text, or a new one that is disposed after use.</summary>
    private (SqliteCommand Command, bool Kept) Take(string sql)
    {
        if (kept.TryGetValue(sql, out var command) && inUse.Add(command))
        {
            return (command, true);
        }

        var fresh = connection.CreateCommand();
        fresh.CommandText = sql;
        if (command is null && kept.Count < Capacity)
        {
            kept.Add(sql, fresh);
            inUse.Add(fresh);
            return (fresh, true);
        }

        return (fresh, false);
    }

    private void Give(SqliteCommand command, bool wasKept)
    {
        if (wasKept)
        {
            command.Parameters.Clear();
            command.Transaction = null;
            inUse.Remove(command);
        }
        else
        {
            command.Dispose();
        }
    }

    /// <summary>
    /// What Dapper holds for one call: it sets the transaction, then the text (which picks the kept command), then the
    /// parameters, runs it and disposes it (which hands the kept command back).
    /// </summary>
    private sealed class Command(StatementCache cache) : DbCommand
    {
        private SqliteCommand? inner;
        private bool innerKept;
        private SqliteTransaction? transaction;
        private int? timeout;
        private CommandType type = CommandType.Text;

        [AllowNull]
        public override string CommandText
        {
            get => inner?.CommandText ?? "";
            set
            {
                // Dapper rewrites the text after binding when it expands a list (`IN @ids`): the parameters move along.
                List<SqliteParameter> bound = [];
                if (inner is not null)
                {
                    if (inner.CommandText == value)
                    {
                        return;
                    }

                    bound.AddRange(inner.Parameters.Cast<SqliteParameter>());
                    inner.Parameters.Clear();
                    cache.Give(inner, innerKept);
                }

                (inner, innerKept) = cache.Take(value ?? "");
                inner.Parameters.AddRange(bound);
                inner.Transaction = transaction;
                inner.CommandType = type;
                if (timeout is { } seconds)
                {
                    inner.CommandTimeout = seconds;
                }
            }
        }

        public override int CommandTimeout
        {
            get => timeout ?? inner?.CommandTimeout ?? 30;
            set
            {
                timeout = value;
                inner?.CommandTimeout = value;
            }
        }

        public override CommandType CommandType
        {
            get => type;
            set
            {
                type = value;
                inner?.CommandType = value;
            }
        }

        public override bool DesignTimeVisible { get; set; }

        public override UpdateRowSource UpdatedRowSource { get; set; }

        protected override DbConnection? DbConnection
        {
            get => cache;
            set => throw new NotSupportedException();
        }

        protected override DbParameterCollection DbParameterCollection => Inner.Parameters;

        protected override DbTransaction? DbTransaction
        {
            get => transaction;
            set
            {
                transaction = (SqliteTransaction?)value;
                inner?.Transaction = transaction;
            }
        }

        private SqliteCommand Inner => inner ?? throw new InvalidOperationException("Set the command text first.");

        public override void Cancel() => inner?.Cancel();

        public override int ExecuteNonQuery() => Inner.ExecuteNonQuery();

        public override object? ExecuteScalar() => Inner.ExecuteScalar();

        public override void Prepare() => Inner.Prepare();

        public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) => Inner.ExecuteNonQueryAsync(cancellationToken);

        public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) => Inner.ExecuteScalarAsync(cancellationToken);

        protected override DbParameter CreateDbParameter() => Inner.CreateParameter();

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Inner.ExecuteReader(behavior);

        protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
            await Inner.ExecuteReaderAsync(behavior, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing && inner is not null)
            {
                cache.Give(inner, innerKept);
                inner = null;
            }

            base.Dispose(disposing);
        }
    }
}
