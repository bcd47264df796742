using Microsoft.Data.Sqlite;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>
/// A consistent copy of the live database through SQLite's online backup API, taken while bookings go on: the copy
/// is one snapshot. Encrypted contents stay encrypted, shredded keys stay gone; the copy is checked before it counts.
/// </summary>
public sealed class DatabaseBackup(ConnectionFactory connections)
{
    public async Task<string> WriteAsync(string path, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(path);
        if (File.Exists(target))
        {
            throw new InvalidOperationException($"{target} exists already; a backup never overwrites a file.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        Security.PrivateFiles.EnsureFile(target); // a copy of personal data, 0600 like the live file
        await using (var source = await connections.OpenAsync(cancellationToken))
        await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            await copy.OpenAsync(cancellationToken);
            source.BackupDatabase(copy);
        }

        return await IntegrityCheckAsync(target, cancellationToken);
    }

    /// <summary>The result of <c>PRAGMA integrity_check</c> on a database file ("ok" when sound).</summary>
    public static async Task<string> IntegrityCheckAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
