using System.Data.Common;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>Opens a request's own connection, for the statements it runs outside a write transaction.</summary>
public interface IDatabaseConnections
{
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}
