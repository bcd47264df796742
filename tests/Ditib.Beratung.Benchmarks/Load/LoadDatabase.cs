using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Ditib.Beratung.Benchmarks.Load;

/// <summary>
/// The database the API instances of a load run share: the settings that point them at it, its storage limit (a bare
/// loop of single-row insert transactions beside the API's writes) and what it holds open. SQLite is a fresh file in
/// the run's folder; PostgreSQL is a fresh database on the server an admin connection string names, dropped at the end.
/// </summary>
public abstract class LoadDatabase : IAsyncDisposable
{
    /// <summary>What the run measures on, for the report (engine, version, durability settings).</summary>
    public abstract string Description { get; }

    /// <summary>The environment variables that point an API instance at this database.</summary>
    public abstract IReadOnlyDictionary<string, string> ServerSettings { get; }

    /// <summary>One writer looping single-row insert transactions for <paramref name="duration"/>, as durable as the API's.</summary>
    public abstract (int Transactions, double PerSecond) MeasureBareInsertLimit(TimeSpan duration);

    /// <summary>How many connections the API instances hold to the database now.</summary>
    public abstract string Connections(IEnumerable<ApiServer> servers);

    /// <summary>
    /// CPU time the database's own processes have used so far, in seconds (none for SQLite, which runs inside the API
    /// process and is counted there).
    /// </summary>
    public virtual double CpuSeconds() => 0;

    /// <summary>After seeding: what the database would soon do by itself after a bulk load (nothing for SQLite).</summary>
    public virtual Task SettleAsync() => Task.CompletedTask;

    public abstract ValueTask DisposeAsync();

    public static async Task<LoadDatabase> CreateAsync(LoadOptions options, string folder) =>
        options.PostgreSql is { } admin
            ? await PostgreSqlLoadDatabase.CreateAsync(admin, folder, options.Instances, options.Clients)
            : new SqliteLoadDatabase(folder);
}

public sealed class SqliteLoadDatabase(string folder) : LoadDatabase
{
    private readonly string file = Path.Combine(folder, "beratung.db");

    public override string Description => "SQLite (one file, WAL, synchronous=FULL, inside the API process)";

    public override IReadOnlyDictionary<string, string> ServerSettings => new Dictionary<string, string>
    {
        ["ConnectionStrings__Beratung"] = $"Data Source={file}",
    };

    public override (int Transactions, double PerSecond) MeasureBareInsertLimit(TimeSpan duration) =>
        BareInsertLimit.Sqlite(folder, duration);

    public override string Connections(IEnumerable<ApiServer> servers) =>
        $"{servers.Sum(server => server.OpenFiles(file))} connections to the database file";

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A fresh database <c>beratung_load_…</c> made with the admin connection string (a role that may create databases),
/// dropped at the end. Each API instance gets a pool big enough for every client to wait on the command lock, and all
/// of them together stay within the server's <c>max_connections</c>.
/// </summary>
public sealed class PostgreSqlLoadDatabase : LoadDatabase
{
    private readonly string admin;
    private readonly string connectionString;
    private readonly string name;
    private readonly string description;
    private readonly string folder;

    private PostgreSqlLoadDatabase(string admin, string folder, string connectionString, string name, string description)
    {
        this.folder = folder;
        this.admin = admin;
        this.connectionString = connectionString;
        this.name = name;
        this.description = description;
    }

    public override string Description => description;

    public override IReadOnlyDictionary<string, string> ServerSettings => new Dictionary<string, string>
    {
        ["Beratung__Database__Provider"] = "PostgreSQL",
        ["ConnectionStrings__Beratung"] = connectionString,
        ["Beratung__Database__DataFolder"] = Path.Combine(folder, "data"),
    };

    public static async Task<PostgreSqlLoadDatabase> CreateAsync(string admin, string folder, int instances, int clients)
    {
        var name = $"beratung_load_{Guid.NewGuid():N}";
        await using var connection = await OpenAsync(admin);
        var maxConnections = int.Parse(await ScalarAsync(connection, "SHOW max_connections"), CultureInfo.InvariantCulture);
        var poolSize = clients + 8;
        if (poolSize * instances > maxConnections - 10)
        {
            throw new ArgumentException(
                $"{instances} instance(s) × {poolSize} connections (clients + 8) exceed the server's max_connections {maxConnections} less 10 for others: use fewer clients or instances.");
        }

        var description = LoadRun.Invariant(
            $"PostgreSQL {await ScalarAsync(connection, "SHOW server_version")} (fsync {await ScalarAsync(connection, "SHOW fsync")}, synchronous_commit {await ScalarAsync(connection, "SHOW synchronous_commit")}, shared_buffers {await ScalarAsync(connection, "SHOW shared_buffers")}), {instances} API instance(s), pool {poolSize} each");
        await ExecuteAsync(connection, $"CREATE DATABASE \"{name}\"");
        var database = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = poolSize, Timeout = 60 }.ConnectionString;
        return new PostgreSqlLoadDatabase(admin, folder, database, name, description);
    }

    public override (int Transactions, double PerSecond) MeasureBareInsertLimit(TimeSpan duration) =>
        BareInsertLimit.PostgreSql(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString, duration);

    public override string Connections(IEnumerable<ApiServer> servers)
    {
        using var connection = OpenAsync(admin).GetAwaiter().GetResult();
        using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return LoadRun.Invariant($"{(long)command.ExecuteScalar()!} connections to the database (all instances)");
    }

    /// <summary>
    /// The CPU of the server's processes that serve this run: the backends connected to its database and the
    /// cluster's own workers (WAL writer, checkpointer, background writer), not the backends of other databases.
    /// </summary>
    public override double CpuSeconds()
    {
        var ticks = 0L;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!int.TryParse(Path.GetFileName(directory), out _) || !File.ReadAllText(Path.Combine(directory, "comm")).StartsWith("postgres", StringComparison.Ordinal))
                {
                    continue;
                }

                var command = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                var backend = command.Contains(" 127.0.0.1(", StringComparison.Ordinal) || command.Contains(" [local]", StringComparison.Ordinal)
                    || command.Contains(" ::1(", StringComparison.Ordinal);
                if (backend && !command.Contains($" {name} ", StringComparison.Ordinal))
                {
                    continue;
                }

                ticks += ApiServer.CpuTicks(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                // The process ended while it was read.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }

        return ticks / 100.0; // USER_HZ is 100 on Linux
    }

    /// <summary>
    /// The planner's statistics of the seeded tables, which autovacuum would gather within a minute or so of the bulk
    /// load: without them the first phase measured plans made for empty tables (search p99 516 ms; 86 ms after ANALYZE).
    /// </summary>
    public override async Task SettleAsync()
    {
        await using var connection = await OpenAsync(connectionString);
        await ExecuteAsync(connection, "ANALYZE");
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = await OpenAsync(admin);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException busy) when (attempt < 100
                && busy.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                // An autovacuum worker (a superuser's process, which FORCE may not end) is still in the database.
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<string> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture)!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
