using System.Data.Common;
using Npgsql;

namespace Ditib.Beratung.Infrastructure.Persistence.PostgreSql;

/// <summary>
/// The process's pool. Unless the connection string says otherwise, Npgsql prepares a statement on the server once a
/// connection has run it twice and keeps up to 64 per connection (<c>Max Auto Prepare</c>, <c>Auto Prepare Min
/// Usages</c>): the stores run the same few dozen statements over and over, and every command holds the command lock
/// while its statements run, so parsing and planning them again each time lengthens every other command's wait.
/// </summary>
public static class PostgreSqlDataSource
{
    public const int MaxAutoPrepare = 64;
    public const int AutoPrepareMinUsages = 2;

    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!given.ContainsKey("Auto Prepare Min Usages") && !given.ContainsKey("AutoPrepareMinUsages"))
        {
            builder.AutoPrepareMinUsages = AutoPrepareMinUsages;
        }

        return NpgsqlDataSource.Create(builder.ConnectionString);
    }
}
