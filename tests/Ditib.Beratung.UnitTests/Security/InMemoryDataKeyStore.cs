using System.Collections.Concurrent;
using Ditib.Beratung.Infrastructure.Security;

namespace Ditib.Beratung.UnitTests.Security;

/// <summary>
/// A data key table in memory; like the SQL table, a second insert with the same id fails, and keys are listed in
/// the order of their ids as text. With <see cref="Transactions"/> set, deletes and updates outside a transaction fail.
/// </summary>
internal sealed class InMemoryDataKeyStore : IDataKeyStore
{
    private readonly ConcurrentDictionary<Guid, DataKeyRecord> records = new();

    public IReadOnlyCollection<DataKeyRecord> Records => records.Values.ToList();

    public FakeUnitOfWork? Transactions { get; init; }

    public int Updates { get; private set; }

    public int Reads { get; private set; }

    public Task InsertAsync(DataKeyRecord key, CancellationToken cancellationToken) =>
        records.TryAdd(key.Id, key) ? Task.CompletedTask : throw new InvalidOperationException($"Data key {key.Id} already exists.");

    public Task<DataKeyRecord?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        Reads++;
        return Task.FromResult(records.TryGetValue(id, out var record) ? record : null);
    }

    public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        RequireTransaction();
        return Task.FromResult(records.TryRemove(id, out _));
    }

    public Task<IReadOnlyList<DataKeyRecord>> ListNotWrappedByAsync(
        string activeKeyId, Guid? after, int limit, CancellationToken cancellationToken)
    {
        var afterText = after?.ToString("D");
        IReadOnlyList<DataKeyRecord> page = records.Values
            .Where(r => r.MasterKeyId != activeKeyId)
            .Where(r => afterText is null || string.CompareOrdinal(r.Id.ToString("D"), afterText) > 0)
            .OrderBy(r => r.Id.ToString("D"), StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        return Task.FromResult(page);
    }

    public Task<int> CountWrappedByAsync(string masterKeyId, CancellationToken cancellationToken) =>
        Task.FromResult(records.Values.Count(r => r.MasterKeyId == masterKeyId));

    public Task UpdateWrappingAsync(DataKeyRecord key, CancellationToken cancellationToken)
    {
        RequireTransaction();
        if (!records.ContainsKey(key.Id))
        {
            throw new InvalidOperationException($"Data key {key.Id} no longer exists.");
        }

        records[key.Id] = key;
        Updates++;
        return Task.CompletedTask;
    }

    public DataKeyRecord Get(Guid id) => records[id];

    /// <summary>Stands in for an edited or restored row.</summary>
    public void Put(DataKeyRecord record) => records[record.Id] = record;

    public void Delete(Guid id) => records.TryRemove(id, out _);

    private void RequireTransaction()
    {
        if (Transactions is { InTransaction: false })
        {
            throw new InvalidOperationException("A data key was written outside a transaction.");
        }
    }
}
