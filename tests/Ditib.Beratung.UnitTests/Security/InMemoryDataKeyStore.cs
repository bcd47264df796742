using System.Collections.Concurrent;
using Ditib.Beratung.Infrastructure.Security;

namespace Ditib.Beratung.UnitTests.Security;

/// <summary>A data key table in memory; like the SQL table, a second insert with the same id fails.</summary>
internal sealed class InMemoryDataKeyStore : IDataKeyStore
{
    private readonly ConcurrentDictionary<Guid, DataKeyRecord> records = new();

    public IReadOnlyCollection<DataKeyRecord> Records => records.Values.ToList();

    public Task InsertAsync(DataKeyRecord key, CancellationToken cancellationToken) =>
        records.TryAdd(key.Id, key) ? Task.CompletedTask : throw new InvalidOperationException($"Data key {key.Id} already exists.");

    public Task<DataKeyRecord?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(records.TryGetValue(id, out var record) ? record : null);

    public DataKeyRecord Get(Guid id) => records[id];

    /// <summary>Stands in for an edited or restored row.</summary>
    public void Put(DataKeyRecord record) => records[record.Id] = record;

    public void Delete(Guid id) => records.TryRemove(id, out _);
}
