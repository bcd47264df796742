using Dapper;
using Ditib.Beratung.Application.Common;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>Stored answers hold manage tokens, so they are sealed with a data key of their own.</summary>
internal sealed class IdempotencyStore(DbSession session, IEnvelopeCipher cipher, IClock clock) : IIdempotencyStore
{
    public async Task<StoredAnswer?> FindAsync(string scope, string key, CancellationToken cancellationToken)
    {
        const string sql = "SELECT request_hash, data_key_id, answer FROM idempotency_key WHERE scope = @scope AND key = @key";
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(session.Command(sql, new { scope, key }, cancellationToken));
        if (row is null)
        {
            return null;
        }

        var answer = await cipher.DecryptAsync(row.DataKeyId, row.Answer, Context(scope, key), cancellationToken);
        return new StoredAnswer(row.RequestHash, answer);
    }

    public async Task SaveAsync(string scope, string key, byte[] requestHash, byte[] answer, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO idempotency_key (scope, key, request_hash, data_key_id, answer, created_at)
            VALUES (@scope, @key, @requestHash, @dataKeyId, @sealedAnswer, @now)
            """;
        var dataKeyId = await cipher.CreateDataKeyAsync(cancellationToken);
        var sealedAnswer = await cipher.EncryptAsync(dataKeyId, answer, Context(scope, key), cancellationToken);
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(session.Command(sql,
            new { scope, key, requestHash, dataKeyId, sealedAnswer, now = clock.GetCurrentInstant() }, cancellationToken));
    }

    private static string Context(string scope, string key) => $"idempotency:{scope}:{key}";

    private sealed class Row
    {
        public byte[] RequestHash { get; set; } = [];
        public Guid DataKeyId { get; set; }
        public byte[] Answer { get; set; } = [];
    }
}
