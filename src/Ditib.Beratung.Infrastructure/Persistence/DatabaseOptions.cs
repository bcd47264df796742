using Microsoft.Data.Sqlite;

namespace Ditib.Beratung.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}

/// <summary>
/// Which database: <c>Beratung:Database:Provider</c> (<c>Sqlite</c>, the default, or <c>PostgreSQL</c>) and
/// <c>ConnectionStrings:Beratung</c> (SQLite: the file, a relative path under the content root; PostgreSQL: an Npgsql
/// connection string). Development keys (and the development pickup folder of e-mails) are kept in
/// <see cref="DataFolder"/>: the SQLite file's folder, or on PostgreSQL <c>Beratung:Database:DataFolder</c> (default
/// <c>data</c> under the content root).
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Beratung:Database";
    public const string DefaultConnectionString = "Data Source=data/beratung.db";

    /// <summary>For the options pattern: <see cref="Provider"/> is bound, then <see cref="Resolve"/> runs.</summary>
    public DatabaseOptions()
    {
    }

    /// <summary>A SQLite database at this connection string (a relative file under <paramref name="contentRoot"/>).</summary>
    public DatabaseOptions(string? connectionString, string contentRoot) => Resolve(connectionString, contentRoot);

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; private set; } = "";

    /// <summary>The SQLite file's full path (empty on PostgreSQL).</summary>
    public string FilePath { get; private set; } = "";

    /// <summary>
    /// The folder of the SQLite file, where development keys are kept too; on PostgreSQL the configured folder for
    /// those keys (bound from <c>Beratung:Database:DataFolder</c>, relative to the content root).
    /// </summary>
    public string DataFolder { get; set; } = "";

    public bool IsPostgreSql => Provider == DatabaseProvider.PostgreSQL;

    internal void Resolve(string? connectionString, string contentRoot)
    {
        if (IsPostgreSql)
        {
            ConnectionString = connectionString ?? "";
            DataFolder = Path.GetFullPath(Path.Combine(contentRoot, string.IsNullOrWhiteSpace(DataFolder) ? "data" : DataFolder));
            return;
        }

        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? DefaultConnectionString : connectionString);
        if (!Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        builder.ForeignKeys = true;
        builder.Pooling = true;
        builder.DefaultTimeout = 30;
        FilePath = builder.DataSource;
        DataFolder = Path.GetDirectoryName(FilePath)!;
        ConnectionString = builder.ToString();
    }
}
