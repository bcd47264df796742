using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Data.Sqlite;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>
/// The process's one writer. SQLite allows one writing transaction at a time anyway; queueing here instead of in
/// SQLite's busy back-off keeps write latency flat under concurrent bookings.
/// <para>
/// Group commit: commands run one at a time on one writer connection, each inside its own savepoint of a shared
/// <c>BEGIN IMMEDIATE</c> transaction. A command that fails is rolled back to its savepoint and leaves the others'
/// work alone. When a command finishes and others are already waiting, the transaction stays open for them;
/// otherwise (or after <see cref="MaxBatchSize"/> commands or <see cref="MaxBatchAge"/>) it is committed. A
/// command's caller is answered only after the COMMIT that made its work durable, so an acknowledged write survives
/// a crash exactly as before, and several commands share one fsync. If the COMMIT fails, every command of the batch
/// fails: none of them was acknowledged.
/// </para>
/// The writer's statements are prepared once and kept with the connection (<see cref="StatementCache"/>).
/// Publishes wait and hold times and batch sizes (meter <see cref="MeterName"/>, for dotnet-counters).
/// </summary>
public sealed class WriteGate(ConnectionFactory connections) : IWriteTransactions, IAsyncDisposable, IDisposable
{
    public const string MeterName = "Ditib.Beratung.Database";
    public const int MaxBatchSize = 64;
    public static readonly TimeSpan MaxBatchAge = TimeSpan.FromMilliseconds(20);

    private const string Savepoint = "command";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> Waited = Meter.CreateHistogram<double>("beratung.write_gate.wait", "ms",
        "Time a write command waited for the writer");
    private static readonly Histogram<double> Held = Meter.CreateHistogram<double>("beratung.write_gate.hold", "ms",
        "Time a write command held the writer, from its savepoint to its release or rollback");
    private static readonly Histogram<int> BatchSizes = Meter.CreateHistogram<int>("beratung.write_gate.batch", "{command}",
        "Commands committed together by one COMMIT");

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly KeyValuePair<string, object?> database = new("db.name", connections.DataSource);
    private int waiting;

    // Only touched while holding the gate.
    private SqliteConnection? writer;
    private StatementCache? statements;
    private Batch? batch;
    private long enteredAt;

    /// <summary>Waits for the writer and opens a savepoint for one command; the caller must leave it.</summary>
    public async Task<IWriteTransaction> EnterAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref waiting);
        try
        {
            await gate.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Decrement(ref waiting);
            _ = CommitIfAbandonedAsync(); // in the background: the caller that gave up is answered at once
            throw;
        }

        Interlocked.Decrement(ref waiting);
        enteredAt = Stopwatch.GetTimestamp();
        Waited.Record(Stopwatch.GetElapsedTime(started, enteredAt).TotalMilliseconds, database);
        try
        {
            if (writer is null)
            {
                writer = await connections.OpenAsync(CancellationToken.None);
                statements = new StatementCache(writer);
            }

            batch ??= new Batch(writer.BeginTransaction(deferred: false));
            batch.Transaction.Save(Savepoint);
            batch.Size++;
            return new Entered(this, statements!, batch.Transaction);
        }
        catch
        {
            await EndBatchAsync(commit: false);
            gate.Release();
            throw;
        }
    }

    /// <summary>
    /// Ends the command: keeps its work (<paramref name="succeeded"/>) or rolls it back to its savepoint. When its work
    /// is kept, returns only once it is committed, and throws if the commit failed.
    /// </summary>
    private async Task LeaveAsync(bool succeeded)
    {
        Held.Record(Stopwatch.GetElapsedTime(enteredAt).TotalMilliseconds, database);
        var current = batch!;
        try
        {
            if (succeeded)
            {
                current.Transaction.Release(Savepoint);
            }
            else
            {
                current.Transaction.Rollback(Savepoint);
                current.Transaction.Release(Savepoint);
            }
        }
        catch (Exception exception)
        {
            // The transaction is in an unknown state (SQLite may have rolled it back): none of the batch is kept.
            current.Fail(exception);
            await EndBatchAsync(commit: false);
            gate.Release();
            throw;
        }

        if (Volatile.Read(ref waiting) == 0 || current.Size >= MaxBatchSize || current.Age >= MaxBatchAge)
        {
            await EndBatchAsync(commit: true);
        }

        gate.Release();
        if (succeeded)
        {
            await current.Committed;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync();
        try
        {
            await EndBatchAsync(commit: false);
            await CloseWriterAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// A waiter that gave up may have been the one the last command left the transaction open for (even if that
    /// command had not yet let go of the gate): wait for the gate and commit unless someone else is waiting now.
    /// Never throws: a failed commit fails the batch's commands, who are waiting for it.
    /// </summary>
    private async Task CommitIfAbandonedAsync()
    {
        try
        {
            await gate.WaitAsync();
        }
        catch (ObjectDisposedException)
        {
            return; // shutting down: disposal rolls back what is open
        }

        try
        {
            if (batch is not null && Volatile.Read(ref waiting) == 0)
            {
                await EndBatchAsync(commit: true);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task EndBatchAsync(bool commit)
    {
        if (batch is not { } ending)
        {
            return;
        }

        batch = null;
        try
        {
            if (commit)
            {
                await ending.Transaction.CommitAsync();
                BatchSizes.Record(ending.Size, database);
                ending.Succeed();
            }
            else
            {
                ending.Fail(new InvalidOperationException("The write transaction was rolled back."));
                await ending.Transaction.RollbackAsync();
            }
        }
        catch (Exception exception)
        {
            ending.Fail(exception);
            // The connection's state is unknown after a failed COMMIT or ROLLBACK: start the next batch on a new one.
            await CloseWriterAsync();
        }
        finally
        {
            await ending.Transaction.DisposeAsync();
        }
    }

    private async Task CloseWriterAsync()
    {
        await (statements?.DisposeAsync() ?? ValueTask.CompletedTask);
        statements = null;
        await (writer?.DisposeAsync() ?? ValueTask.CompletedTask);
        writer = null;
    }

    /// <summary>The command that holds the gate; the gate has one at a time.</summary>
    private sealed class Entered(WriteGate gate, DbConnection connection, DbTransaction transaction) : IWriteTransaction
    {
        public DbConnection Connection { get; } = connection;

        public DbTransaction Transaction { get; } = transaction;

        public Task LeaveAsync(bool succeeded) => gate.LeaveAsync(succeeded);
    }

    private sealed class Batch(SqliteTransaction transaction)
    {
        private readonly TaskCompletionSource committed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly long started = Stopwatch.GetTimestamp();

        public SqliteTransaction Transaction { get; } = transaction;

        public int Size { get; set; }

        public TimeSpan Age => Stopwatch.GetElapsedTime(started);

        public Task Committed => committed.Task;

        public void Succeed() => committed.TrySetResult();

        public void Fail(Exception exception)
        {
            committed.TrySetException(exception);
            _ = committed.Task.Exception; // observed: a batch whose commands all failed has no one awaiting it
        }
    }
}
