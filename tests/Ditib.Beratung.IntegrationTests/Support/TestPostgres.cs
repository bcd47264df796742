using Npgsql;

namespace Ditib.Beratung.IntegrationTests.Support;

/// <summary>
/// PostgreSQL for the tests. <c>BERATUNG_TEST_POSTGRES</c> holds an admin connection string (a role that may create
/// databases, e.g. <c>Host=127.0.0.1;Username=beratung_test;Password=beratung_test;Database=postgres</c>); each test
/// host gets a fresh database of its own, dropped when it is disposed. <c>BERATUNG_TEST_DATABASE=PostgreSQL</c> runs
/// every <see cref="ApiFactory"/> on PostgreSQL. Without the admin string, PostgreSQL-only tests skip with a message,
/// unless <c>CI</c> is set: then they fail, so a green CI run always reached PostgreSQL.
/// </summary>
public static class TestPostgres
{
    public const string AdminVariable = "BERATUNG_TEST_POSTGRES";
    public const string ProviderVariable = "BERATUNG_TEST_DATABASE";

    /// <summary>Per test database: the server allows 100 connections and several test hosts run at once.</summary>
    private const int PoolSize = 8;

    public static string? AdminConnectionString =>
        Environment.GetEnvironmentVariable(AdminVariable) is { Length: > 0 } value ? value : null;

    /// <summary>True when every <see cref="ApiFactory"/> runs on PostgreSQL (<c>BERATUNG_TEST_DATABASE=PostgreSQL</c>).</summary>
    public static bool ForEveryHost =>
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the <c>CI</c> variable is set to anything but <c>false</c> or <c>0</c>.</summary>
    public static bool OnCi => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } value
        && !value.Equals("false", StringComparison.OrdinalIgnoreCase) && value != "0";

    public static string MissingMessage =>
        $"No PostgreSQL for the tests: set {AdminVariable} to an admin connection string "
        + "(e.g. Host=127.0.0.1;Username=beratung_test;Password=beratung_test;Database=postgres)";

    /// <summary>Creates an empty database and answers its connection string (with a small pool).</summary>
    public static string CreateDatabase()
    {
        var admin = AdminConnectionString ?? throw new InvalidOperationException(
            MissingMessage + (OnCi ? ". CI is set, so a missing PostgreSQL is a failure, not a skip." : "."));
        var name = $"beratung_test_{Guid.NewGuid():N}";
        Execute(admin, $"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(admin)
        {
            Database = name,
            MaxPoolSize = PoolSize,
            // A connection idle for a second goes back to the server, so finished hosts hold none.
            ConnectionIdleLifetime = 1,
            ConnectionPruningInterval = 1,
            Timeout = 60,
        }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, ending connections still open to it.</summary>
    public static void DropDatabase(string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Execute(AdminConnectionString!, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException busy) when (attempt < 50
                && busy.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                // An autovacuum worker (a superuser's process, which FORCE may not end) is still in the database.
                Thread.Sleep(100);
            }
        }
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>
/// A test that needs PostgreSQL: skipped with <see cref="TestPostgres.MissingMessage"/> when
/// <c>BERATUNG_TEST_POSTGRES</c> is not set, except on CI, where it runs and fails.
/// </summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (TestPostgres.AdminConnectionString is null && !TestPostgres.OnCi)
        {
            Skip = TestPostgres.MissingMessage;
        }
    }
}
