using Ditib.Beratung.Application.Auth;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Persistence;

internal sealed class RecoveryCodeStore(DbSession session) : IRecoveryCodeStore
{
    public async Task ReplaceAsync(Guid userId, IReadOnlyList<string> hashes, CancellationToken cancellationToken)
    {
        const string delete = "DELETE FROM recovery_code WHERE user_id = @userId";
        const string insert = "INSERT INTO recovery_code (user_id, code_hash) VALUES (@userId, @hash)";
        await session.ExecuteAsync(delete, new { userId }, cancellationToken);
        await session.ExecuteAsync(insert, hashes.Select(hash => new { userId, hash }), cancellationToken);
    }

    public async Task<bool> UseAsync(Guid userId, string hash, Instant now, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE recovery_code SET used_at = @now WHERE user_id = @userId AND code_hash = @hash AND used_at IS NULL";
        return await session.ExecuteAsync(sql, new { userId, hash, now }, cancellationToken) == 1;
    }

    public async Task<int> CountUnusedAsync(Guid userId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT count(*) FROM recovery_code WHERE user_id = @userId AND used_at IS NULL";
        return (int)await session.ExecuteScalarAsync<long>(sql, new { userId }, cancellationToken);
    }
}
