using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Privacy;
using Npgsql;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>
/// Lets a run (<see cref="ISingleRun"/>: retention) go on one instance at a time when several instances share a
/// PostgreSQL database: a session advisory lock on a connection of its own, held for the run and released with it (or
/// by the server when the instance dies and its connection ends). On SQLite one process serves the file, so the run
/// always goes ahead.
/// </summary>
public sealed class SingleInstanceRun(DatabaseOptions options) : ISingleRunLocks
{
    /// <summary>The advisory lock key of the retention run (the ASCII of "retentio").</summary>
    public const long Retention = 0x726574656e74696f;

    Task<IAsyncDisposable?> ISingleRunLocks.TryEnterAsync(string run, CancellationToken cancellationToken) =>
        TryEnterAsync(run switch
        {
            RunRetention.Run => Retention,
            _ => throw new ArgumentOutOfRangeException(nameof(run), run, "No advisory lock key is assigned to this run."),
        }, cancellationToken);

    /// <summary>A handle to dispose when the run is over, or null when another instance is running it now.</summary>
    public async Task<IAsyncDisposable?> TryEnterAsync(long key, CancellationToken cancellationToken)
    {
        if (!options.IsPostgreSql)
        {
            return NoLock.Instance;
        }

        var connection = new NpgsqlConnection(options.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                return new Held(connection, key);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class Held(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", key);
                await command.ExecuteScalarAsync();
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
