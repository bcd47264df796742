using System.Data.Common;
using Ditib.Beratung.Application.Common;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>Whether the database answers, for the health check, in words that name no provider.</summary>
public sealed class DatabaseProbe(DbSession session)
{
    public async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            await session.ExecuteScalarAsync<int>("SELECT 1", null, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is DbException or DatabaseBusyException or InvalidOperationException)
        {
            return false;
        }
    }
}
