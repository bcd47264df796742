using System.Reflection;
using DbUp;
using DbUp.Engine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>
/// Brings the database to the current schema with DbUp: on SQLite it creates the file if needed and applies the
/// embedded <c>sql/NNNN_*.sql</c> scripts; on PostgreSQL it applies <c>sql/postgresql/NNNN_*.sql</c> while holding a
/// session advisory lock, so that instances starting together migrate one after the other (the later ones find
/// nothing left to do).
/// </summary>
public sealed partial class DatabaseMigrator(DatabaseOptions options, ILogger<DatabaseMigrator> logger)
{
    public const string ScriptPrefix = "Ditib.Beratung.Sql.";
    public const string PostgreSqlScriptPrefix = "Ditib.Beratung.PostgreSql.";

    /// <summary>The advisory lock key of migrations (the ASCII of "beratung", as a number).</summary>
    public const long MigrationLock = 0x6265726174756e67;

    public void Migrate()
    {
        var result = options.IsPostgreSql ? MigratePostgreSql() : MigrateSqlite();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Database migration failed in script {result.ErrorScript?.Name}.", result.Error);
        }

        var applied = result.Scripts.Count();
        LogMigrated(applied);
    }

    /// <summary>Names of embedded scripts not yet applied (empty when the database is current).</summary>
    public IReadOnlyList<string> PendingScripts() =>
        Upgrader().GetScriptsToExecute().Select(s => s.Name).ToList();

    private DatabaseUpgradeResult MigrateSqlite()
    {
        // Created 0600 before SQLite opens it; SQLite gives the -wal and -shm files the database file's mode.
        Security.PrivateFiles.CreateFolder(options.DataFolder);
        Security.PrivateFiles.EnsureFile(options.FilePath);
        Security.PrivateFiles.Restrict(options.FilePath + "-wal");
        Security.PrivateFiles.Restrict(options.FilePath + "-shm");
        using (var connection = new SqliteConnection(options.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // WAL is a property of the file: set once, it stays.
            command.CommandText = "PRAGMA journal_mode = WAL;";
            command.ExecuteNonQuery();
        }

        return Upgrader().PerformUpgrade();
    }

    private DatabaseUpgradeResult MigratePostgreSql()
    {
        // A session lock on a connection of its own (DbUp opens its own): held until unlocked or the connection ends.
        using var connection = new NpgsqlConnection(options.ConnectionString);
        connection.Open();
        using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            command.Parameters.AddWithValue("key", MigrationLock);
            command.CommandTimeout = 0;
            command.ExecuteNonQuery();
        }

        try
        {
            return Upgrader().PerformUpgrade();
        }
        finally
        {
            using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", MigrationLock);
            unlock.ExecuteNonQuery();
        }
    }

    private UpgradeEngine Upgrader() =>
        (options.IsPostgreSql
            ? DeployChanges.To.PostgresqlDatabase(options.ConnectionString)
                .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.StartsWith(PostgreSqlScriptPrefix, StringComparison.Ordinal))
            : DeployChanges.To.SqliteDatabase(options.ConnectionString)
                .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.StartsWith(ScriptPrefix, StringComparison.Ordinal)))
        .WithTransactionPerScript()
        .LogToNowhere()
        .Build();

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated: {Count} new script(s) applied")]
    private partial void LogMigrated(int count);
}
