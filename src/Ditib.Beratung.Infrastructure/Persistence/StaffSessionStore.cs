using Ditib.Beratung.Application.Auth;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Persistence;

internal sealed class StaffSessionStore(DbSession session) : IStaffSessionStore
{
    public async Task StartAsync(Guid sessionId, Guid userId, Instant now, CancellationToken cancellationToken)
    {
        const string sql = "INSERT INTO staff_session (id, user_id, started_at) VALUES (@sessionId, @userId, @now)";
        await session.ExecuteAsync(sql, new { sessionId, userId, now }, cancellationToken);
    }

    public async Task<bool> IsActiveAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT count(*) FROM staff_session WHERE id = @sessionId AND ended_at IS NULL";
        return await session.ExecuteScalarAsync<long>(sql, new { sessionId }, cancellationToken) > 0;
    }

    public async Task EndAsync(Guid sessionId, Instant now, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE staff_session SET ended_at = @now WHERE id = @sessionId AND ended_at IS NULL";
        await session.ExecuteAsync(sql, new { sessionId, now }, cancellationToken);
    }
}
