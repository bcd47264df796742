using System.Diagnostics.Metrics;
using Dapper;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace Ditib.Beratung.IntegrationTests.Reliability;

/// <summary>
/// The writer's group commit on a real database file: commands that queue up while one runs share its transaction,
/// each in its own savepoint; a failing command takes only its own work with it; nobody is answered before COMMIT.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Disposed in IAsyncLifetime.DisposeAsync.")]
[Trait("Database", "Sqlite")] // the SQLite write gate's group commit
public sealed class GroupCommitTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "ditib-group-commit-" + Guid.NewGuid().ToString("N"));
    private ConnectionFactory connections = null!;
    private WriteGate gate = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        connections = new ConnectionFactory(new DatabaseOptions($"Data Source={Path.Combine(folder, "test.db")}", folder));
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL; CREATE TABLE item (n INTEGER PRIMARY KEY);");
        gate = new WriteGate(connections);
    }

    public async Task DisposeAsync()
    {
        await gate.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task CommandsQueuedBehindARunningOne_ShareItsCommit_AndAFailingOneLosesOnlyItsOwnWork()
    {
        var batches = new List<int>();
        using var listener = ListenToBatchSizes(batches, connections.DataSource);
        var first = new DbSession(connections, gate, new SqliteErrors());
        await first.BeginAsync(CancellationToken.None);
        await InsertAsync(first, 0);

        // While the first command holds the writer, twenty more queue up; number 7 fails after writing.
        var queued = Enumerable.Range(1, 20).Select(n => Task.Run(() => RunCommandAsync(n, fail: n == 7))).ToList();
        await WaitUntilAsync(() => queued.Count(t => !t.IsCompleted) == 20);
        await Task.Delay(200); // let all twenty reach the gate before the first command finishes
        var firstCommitted = first.CommitAsync(CancellationToken.None);

        await firstCommitted;
        var outcomes = await Task.WhenAll(queued.Select(async t =>
        {
            try
            {
                await t;
                return "ok";
            }
            catch (InvalidOperationException)
            {
                return "failed";
            }
        }));
        await first.DisposeAsync();

        Assert.Equal(19, outcomes.Count(o => o == "ok"));
        Assert.Equal(1, outcomes.Count(o => o == "failed"));
        Assert.Equal(Enumerable.Range(0, 21).Where(n => n != 7), await CommittedAsync());
        Assert.Equal(21, batches.Sum());
        Assert.True(batches.Max() > 1, $"every command was committed on its own: {string.Join(", ", batches)}");
    }

    [Fact]
    public async Task AWaiterThatGivesUp_DoesNotLeaveTheTransactionOpen()
    {
        var first = new DbSession(connections, gate, new SqliteErrors());
        await first.BeginAsync(CancellationToken.None);
        await InsertAsync(first, 1);
        using var giveUp = new CancellationTokenSource();
        var waiter = new DbSession(connections, gate, new SqliteErrors());
        var waiting = waiter.BeginAsync(giveUp.Token);

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await first.CommitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([1], await CommittedAsync());
        await RunCommandAsync(2, fail: false);
        Assert.Equal([1, 2], await CommittedAsync());
        await first.DisposeAsync();
        await waiter.DisposeAsync();
    }

    [Fact]
    public async Task AFailingCommandOnItsOwn_LeavesNothing_AndTheWriterStaysUsable()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => RunCommandAsync(5, fail: true));
        await Assert.ThrowsAsync<ConflictException>(() => RunCommandAsync(6, fail: false, duplicate: true));

        Assert.Empty(await CommittedAsync());
        await RunCommandAsync(8, fail: false);
        Assert.Equal([8], await CommittedAsync());
    }

    private async Task RunCommandAsync(int n, bool fail, bool duplicate = false)
    {
        await using var session = new DbSession(connections, gate, new SqliteErrors());
        await session.InTransactionAsync(async () =>
        {
            await InsertAsync(session, n);
            if (duplicate)
            {
                await InsertAsync(session, n); // the primary key refuses it: a database error inside the command
            }

            return fail ? throw new InvalidOperationException("Invented failure after writing.") : 0;
        }, CancellationToken.None);
    }

    private static async Task InsertAsync(DbSession session, int n)
    {
        await session.ExecuteAsync("INSERT INTO item (n) VALUES (@n)", new { n }, CancellationToken.None);
    }

    /// <summary>What another connection sees: only committed rows.</summary>
    private async Task<List<int>> CommittedAsync()
    {
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<int>("SELECT n FROM item ORDER BY n")).ToList();
    }

    private static MeterListener ListenToBatchSizes(List<int> batches, string database)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == WriteGate.MeterName && instrument.Name == "beratung.write_gate.batch")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((_, size, tags, _) =>
        {
            if (tags.ToArray().All(t => !Equals(t.Value, database)))
            {
                return;
            }

            lock (batches)
            {
                batches.Add(size);
            }
        });
        listener.Start();
        return listener;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(10);
        }
    }
}
