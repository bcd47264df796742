using Ditib.Beratung.Infrastructure.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>Healthy when the database answers and every embedded migration has been applied.</summary>
public sealed class DatabaseHealthCheck(ConnectionFactory connections, DatabaseMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }

        var pending = migrator.PendingScripts();
        return pending.Count == 0
            ? HealthCheckResult.Healthy("Database reachable; all migrations applied.")
            : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied.");
    }
}
