using Dapper;
using Ditib.Beratung.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace Ditib.Beratung.IntegrationTests.Reliability;

/// <summary>
/// The writer keeps its prepared statements across commands (<see cref="StatementCache"/>): a statement run again gets
/// only its own parameters, a statement still reading is not taken from under its reader, and the number of kept
/// statements has a bound.
/// </summary>
[Trait("Database", "Sqlite")] // the SQLite writer's kept statements
public sealed class StatementCacheTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "ditib-statements-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteConnection connection;
    private readonly StatementCache cache;

    public StatementCacheTests()
    {
        Directory.CreateDirectory(folder);
        connection = new SqliteConnection($"Data Source={Path.Combine(folder, "test.db")};Pooling=False");
        connection.Open();
        connection.Execute("CREATE TABLE item (n INTEGER PRIMARY KEY, label TEXT)");
        cache = new StatementCache(connection);
    }

    public void Dispose()
    {
        cache.Dispose();
        connection.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task AStatementRunAgain_IsKeptOnce_AndBindsOnlyItsOwnParameters()
    {
        const string insert = "INSERT INTO item (n, label) VALUES (@n, @label)";
        for (var n = 1; n <= 50; n++)
        {
            await cache.ExecuteAsync(insert, new { n, label = n % 2 == 0 ? $"gerade {n}" : null });
        }

        var failed = await Assert.ThrowsAsync<SqliteException>(() => cache.ExecuteAsync(insert, new { n = 7, label = "doppelt" }));
        await cache.ExecuteAsync(insert, new { n = 51, label = "nach dem Fehler" });

        Assert.Equal(19, failed.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Equal(1, cache.Count);
        var rows = (await connection.QueryAsync<(long N, string? Label)>("SELECT n, label FROM item ORDER BY n")).ToList();
        Assert.Equal(51, rows.Count);
        Assert.All(rows.Take(50), r => Assert.Equal(r.N % 2 == 0 ? $"gerade {r.N}" : null, r.Label));
        Assert.Equal("nach dem Fehler", rows[^1].Label);
    }

    [Fact]
    public async Task AStatementStillReading_IsNotTakenFromUnderItsReader()
    {
        const string select = "SELECT n FROM item WHERE n >= @from ORDER BY n";
        await cache.ExecuteAsync("INSERT INTO item (n) VALUES (1), (2), (3)");

        var outer = new List<long>();
        var inner = new List<long>();
        foreach (var n in cache.Query<long>(select, new { from = 1 }, buffered: false))
        {
            outer.Add(n);
            inner.AddRange(await cache.QueryAsync<long>(select, new { from = 3 }));
        }

        Assert.Equal([1, 2, 3], outer);
        Assert.Equal([3, 3, 3], inner);
    }

    [Fact]
    public async Task AListParameterThatDapperExpandsIntoTheText_KeepsTheOtherParameters()
    {
        await cache.ExecuteAsync("INSERT INTO item (n, label) VALUES (1, 'a'), (2, 'b'), (3, 'a'), (4, 'a')");

        var found = await cache.QueryAsync<long>("SELECT n FROM item WHERE label = @label AND n IN @ns ORDER BY n", new { label = "a", ns = new[] { 1, 2, 4 } });

        Assert.Equal([1, 4], found);
    }

    [Fact]
    public async Task MoreTextsThanTheCapacity_AreRunWithoutBeingKept()
    {
        for (var i = 0; i < StatementCache.Capacity + 10; i++)
        {
            Assert.Equal(i, await cache.ExecuteScalarAsync<long>($"SELECT {i}"));
        }

        Assert.Equal(StatementCache.Capacity, cache.Count);
        Assert.Equal(StatementCache.Capacity + 3, await cache.ExecuteScalarAsync<long>($"SELECT {StatementCache.Capacity + 3}"));
    }
}
