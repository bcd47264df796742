using Microsoft.Data.Sqlite;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>Where the SQLite file lives: <c>ConnectionStrings:Beratung</c>, relative paths under the content root.</summary>
public sealed class DatabaseOptions
{
    public const string DefaultConnectionString = "Data Source=data/beratung.db";

    public DatabaseOptions(string? connectionString, string contentRoot)
    {
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

    public string ConnectionString { get; }

    public string FilePath { get; }

    /// <summary>The folder of the database file; development keys are kept here too.</summary>
    public string DataFolder { get; }
}
