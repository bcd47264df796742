using Dapper;
using Ditib.Beratung.Infrastructure.Security;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>Wrapped data keys live in <c>data_key</c>; deleting a row shreds everything sealed with that key.</summary>
internal sealed class DataKeyStore(DbSession session, IClock clock) : IDataKeyStore
{
    public async Task InsertAsync(DataKeyRecord key, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO data_key (id, master_key_id, wrapped_key, created_at) VALUES (@Id, @MasterKeyId, @WrappedKey, @now)
            """;
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(session.Command(sql,
            new { key.Id, key.MasterKeyId, key.WrappedKey, now = clock.GetCurrentInstant() }, cancellationToken));
    }

    public async Task<DataKeyRecord?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        const string sql = "SELECT id, master_key_id, wrapped_key FROM data_key WHERE id = @id";
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(session.Command(sql, new { id }, cancellationToken));
        return row is null ? null : new DataKeyRecord(row.Id, row.MasterKeyId, row.WrappedKey);
    }

    private sealed class Row
    {
        public Guid Id { get; set; }
        public string MasterKeyId { get; set; } = "";
        public byte[] WrappedKey { get; set; } = [];
    }
}
