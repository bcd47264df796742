using System.Data.Common;
using Npgsql;

namespace Ditib.Beratung.Infrastructure.Persistence.PostgreSql;

/// <summary>Connections from the process's pool (<see cref="NpgsqlDataSource"/>).</summary>
public sealed class PostgreSqlConnections(NpgsqlDataSource dataSource) : IDatabaseConnections
{
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);
}
