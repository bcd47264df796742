using Ditib.Beratung.Application.Common;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>
/// Stored answers hold manage tokens and the request hash could confirm a guessed booking, so both are sealed
/// together (hash first, 32 bytes, then the answer) under a data key of their own.
/// </summary>
internal sealed class IdempotencyStore(DbSession session, IEnvelopeCipher cipher, IClock clock) : IIdempotencyStore
{
    private const int HashLength = 32;

    public async Task<StoredAnswer?> FindAsync(string scope, string key, CancellationToken cancellationToken)
    {
        const string sql = "SELECT data_key_id, sealed_answer FROM idempotency_key WHERE scope = @scope AND key = @key";
        var row = await session.QuerySingleOrDefaultAsync<Row>(sql, new { scope, key }, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var opened = await cipher.DecryptAsync(row.DataKeyId, row.SealedAnswer, Context(scope, key), cancellationToken);
        return new StoredAnswer(opened[..HashLength], opened[HashLength..]);
    }

    public async Task SaveAsync(string scope, string key, byte[] requestHash, byte[] answer, string? subject, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO idempotency_key (scope, key, data_key_id, sealed_answer, created_at, subject)
            VALUES (@scope, @key, @dataKeyId, @sealedAnswer, @now, @subject)
            """;
        var dataKeyId = await cipher.CreateDataKeyAsync(cancellationToken);
        if (requestHash.Length != HashLength)
        {
            throw new ArgumentException($"The request hash has {HashLength} bytes.", nameof(requestHash));
        }

        var sealedAnswer = await cipher.EncryptAsync(dataKeyId, requestHash.Concat(answer).ToArray(), Context(scope, key), cancellationToken);
        await session.ExecuteAsync(sql, new { scope, key, dataKeyId, sealedAnswer, now = clock.GetCurrentInstant(), subject },
            cancellationToken);
    }

    public async Task ForgetAsync(string subject, CancellationToken cancellationToken)
    {
        const string delete = "DELETE FROM idempotency_key WHERE subject = @subject RETURNING data_key_id";
        foreach (var dataKeyId in (await session.QueryAsync<Guid>(delete, new { subject }, cancellationToken)).ToList())
        {
            await cipher.ShredAsync(dataKeyId, cancellationToken);
        }
    }

    private static string Context(string scope, string key) => $"idempotency:{scope}:{key}";

    private sealed class Row
    {
        public Guid DataKeyId { get; set; }
        public byte[] SealedAnswer { get; set; } = [];
    }
}
