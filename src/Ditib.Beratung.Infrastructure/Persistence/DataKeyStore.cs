using Ditib.Beratung.Infrastructure.Security;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>Wrapped data keys live in <c>data_key</c>; deleting a row shreds everything sealed with that key.</summary>
internal sealed class DataKeyStore(DbSession session, IClock clock, DatabaseOptions database) : IDataKeyStore
{
    public async Task InsertAsync(DataKeyRecord key, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO data_key (id, master_key_id, wrapped_key, created_at) VALUES (@Id, @MasterKeyId, @WrappedKey, @now)
            """;
        await session.ExecuteAsync(sql,
            new { key.Id, key.MasterKeyId, key.WrappedKey, now = clock.GetCurrentInstant() }, cancellationToken);
    }

    public async Task<DataKeyRecord?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        const string sql = "SELECT id, master_key_id, wrapped_key FROM data_key WHERE id = @id";
        var row = await session.QuerySingleOrDefaultAsync<Row>(sql, new { id }, cancellationToken);
        return row is null ? null : new DataKeyRecord(row.Id, row.MasterKeyId, row.WrappedKey);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM data_key WHERE id = @id";
        await OverwriteFreedSpaceAsync(cancellationToken);
        return await session.ExecuteAsync(sql, new { id }, cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<DataKeyRecord>> ListNotWrappedByAsync(
        string activeKeyId, Guid? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        const string sql = """
            SELECT id, master_key_id, wrapped_key FROM data_key
            WHERE master_key_id <> @activeKeyId AND (@after IS NULL OR id > @after)
            ORDER BY id
            LIMIT @limit
            """;
        var rows = await session.QueryAsync<Row>(sql, new { activeKeyId, after, limit }, cancellationToken);
        return rows.Select(row => new DataKeyRecord(row.Id, row.MasterKeyId, row.WrappedKey)).ToList();
    }

    public async Task<int> CountWrappedByAsync(string masterKeyId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT COUNT(*) FROM data_key WHERE master_key_id = @masterKeyId";
        return await session.ExecuteScalarAsync<int>(sql, new { masterKeyId }, cancellationToken);
    }

    public async Task UpdateWrappingAsync(DataKeyRecord key, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE data_key SET master_key_id = @MasterKeyId, wrapped_key = @WrappedKey WHERE id = @Id";
        await OverwriteFreedSpaceAsync(cancellationToken);
        var updated = await session.ExecuteAsync(sql, new { key.Id, key.MasterKeyId, key.WrappedKey }, cancellationToken);
        if (updated != 1)
        {
            throw new InvalidOperationException($"Data key {key.Id} no longer exists; its wrapping was not updated.");
        }
    }

    /// <summary>
    /// Has SQLite zero the bytes of deleted and replaced rows instead of leaving them in free space, so that a shredded
    /// key, or a copy wrapped by a retired master key, does not linger in the database file. The setting belongs to the
    /// connection; it is cheap for a table this small. PostgreSQL has no such setting: a deleted row stays in the
    /// table's pages until VACUUM reuses them (and in the WAL until it is recycled), wrapped by a master key.
    /// </summary>
    private async Task OverwriteFreedSpaceAsync(CancellationToken cancellationToken)
    {
        if (!database.IsPostgreSql)
        {
            await session.ExecuteAsync("PRAGMA secure_delete = ON", null, cancellationToken);
        }
    }

    private sealed class Row
    {
        public Guid Id { get; set; }
        public string MasterKeyId { get; set; } = "";
        public byte[] WrappedKey { get; set; } = [];
    }
}
