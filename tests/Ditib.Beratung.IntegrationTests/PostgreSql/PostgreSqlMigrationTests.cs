using Ditib.Beratung.Infrastructure.Persistence;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Ditib.Beratung.IntegrationTests.PostgreSql;

[Trait("Database", "PostgreSQL")]
public sealed class PostgreSqlMigrationTests : IDisposable
{
    private readonly string connectionString = TestPostgres.AdminConnectionString is null && !TestPostgres.OnCi ? "" : TestPostgres.CreateDatabase();

    [PostgreSqlFact]
    public async Task Migrate_ByInstancesStartingTogether_AppliesEachScriptOnce()
    {
        var scripts = typeof(DatabaseMigrator).Assembly.GetManifestResourceNames()
            .Count(n => n.StartsWith(DatabaseMigrator.PostgreSqlScriptPrefix, StringComparison.Ordinal));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Migrator().Migrate())));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*), COUNT(DISTINCT scriptname) FROM schemaversions", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.True(scripts > 0);
        Assert.Equal(scripts, reader.GetInt64(0));
        Assert.Equal(scripts, reader.GetInt64(1));
        Assert.Empty(Migrator().PendingScripts());
    }

    private DatabaseMigrator Migrator()
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.PostgreSQL };
        options.Resolve(connectionString, Path.GetTempPath());
        return new DatabaseMigrator(options, NullLogger<DatabaseMigrator>.Instance);
    }

    public void Dispose()
    {
        if (connectionString.Length > 0)
        {
            TestPostgres.DropDatabase(connectionString);
        }
    }
}
