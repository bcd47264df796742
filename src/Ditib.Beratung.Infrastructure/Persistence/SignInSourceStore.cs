using Ditib.Beratung.Application.Auth;
using Ditib.Beratung.Domain.Users;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Persistence;

internal sealed class SignInSourceStore(DbSession session) : ISignInSourceStore
{
    public async Task<SignInSource> GetAsync(Guid userId, string source, CancellationToken cancellationToken)
    {
        const string sql = "SELECT failures, locked_until FROM sign_in_source WHERE user_id = @userId AND source = @source";
        var row = await session.QuerySingleOrDefaultAsync<Row>(sql, new { userId, source }, cancellationToken);
        return new SignInSource(userId, source, (int)(row?.Failures ?? 0), row?.LockedUntil);
    }

    public async Task SaveAsync(SignInSource record, Instant now, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO sign_in_source (user_id, source, failures, locked_until, updated_at)
            VALUES (@UserId, @Source, @Failures, @LockedUntil, @now)
            ON CONFLICT (user_id, source) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until,
                                                        updated_at = excluded.updated_at
            """;
        await session.ExecuteAsync(sql,
            new { record.UserId, record.Source, record.Failures, record.LockedUntil, now }, cancellationToken);
    }

    public async Task ClearAsync(Guid userId, string source, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM sign_in_source WHERE user_id = @userId AND source = @source";
        await session.ExecuteAsync(sql, new { userId, source }, cancellationToken);
    }

    public async Task ClearAllAsync(Guid userId, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM sign_in_source WHERE user_id = @userId";
        await session.ExecuteAsync(sql, new { userId }, cancellationToken);
    }

    private sealed class Row
    {
        public long Failures { get; set; }
        public Instant? LockedUntil { get; set; }
    }
}
