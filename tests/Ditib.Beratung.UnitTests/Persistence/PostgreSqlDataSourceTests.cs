using Ditib.Beratung.Infrastructure.Persistence.PostgreSql;
using Npgsql;

namespace Ditib.Beratung.UnitTests.Persistence;

public sealed class PostgreSqlDataSourceTests
{
    [Fact]
    public void Create_WithoutPrepareSettings_PreparesStatementsRunTwice()
    {
        using var dataSource = PostgreSqlDataSource.Create("Host=db.example.invalid;Username=erfunden;Database=beratung");

        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Assert.Equal(PostgreSqlDataSource.MaxAutoPrepare, settings.MaxAutoPrepare);
        Assert.Equal(PostgreSqlDataSource.AutoPrepareMinUsages, settings.AutoPrepareMinUsages);
        Assert.Equal("db.example.invalid", settings.Host);
        Assert.Equal("beratung", settings.Database);
    }

    [Theory]
    [InlineData("Host=db.example.invalid;Max Auto Prepare=0", 0, PostgreSqlDataSource.AutoPrepareMinUsages)]
    [InlineData("Host=db.example.invalid;maxautoprepare=10;Auto Prepare Min Usages=5", 10, 5)]
    public void Create_KeepsWhatTheConnectionStringSays(string connectionString, int maxAutoPrepare, int minUsages)
    {
        using var dataSource = PostgreSqlDataSource.Create(connectionString);

        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Assert.Equal(maxAutoPrepare, settings.MaxAutoPrepare);
        Assert.Equal(minUsages, settings.AutoPrepareMinUsages);
    }
}
