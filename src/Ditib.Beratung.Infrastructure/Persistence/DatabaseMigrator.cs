using System.Reflection;
using DbUp;
using DbUp.Engine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>Creates the database file if needed and applies the embedded <c>sql/NNNN_*.sql</c> scripts with DbUp.</summary>
public sealed partial class DatabaseMigrator(DatabaseOptions options, ILogger<DatabaseMigrator> logger)
{
    public const string ScriptPrefix = "Ditib.Beratung.Sql.";

    public void Migrate()
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

        var result = Upgrader().PerformUpgrade();
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

    private UpgradeEngine Upgrader() =>
        DeployChanges.To.SqliteDatabase(options.ConnectionString)
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.StartsWith(ScriptPrefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated: {Count} new script(s) applied")]
    private partial void LogMigrated(int count);
}
