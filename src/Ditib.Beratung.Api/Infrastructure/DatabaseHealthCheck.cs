using Ditib.Beratung.Infrastructure.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>Healthy when the database answers and every embedded migration has been applied.</summary>
public sealed class DatabaseHealthCheck(DatabaseProbe probe, DatabaseMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await probe.AnswersAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }

        var pending = migrator.PendingScripts();
        return pending.Count == 0
            ? HealthCheckResult.Healthy("Database reachable; all migrations applied.")
            : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied.");
    }
}
