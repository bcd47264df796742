namespace Ditib.Beratung.Infrastructure.Security;

/// <summary>
/// Where wrapped data keys live (table <c>data_key</c>). Deleting a row crypto-shreds everything sealed with it.
/// </summary>
internal interface IDataKeyStore
{
    Task InsertAsync(DataKeyRecord key, CancellationToken cancellationToken);

    Task<DataKeyRecord?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Deletes the key (crypto-shredding); false if there was no such key.</summary>
    Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> keys not wrapped by <paramref name="activeKeyId"/>, in id order, starting after
    /// <paramref name="after"/> (from the start when null), so that a caller can page past keys it leaves unchanged.
    /// </summary>
    Task<IReadOnlyList<DataKeyRecord>> ListNotWrappedByAsync(string activeKeyId, Guid? after, int limit, CancellationToken cancellationToken);

    /// <summary>How many keys are wrapped by <paramref name="masterKeyId"/>.</summary>
    Task<int> CountWrappedByAsync(string masterKeyId, CancellationToken cancellationToken);

    /// <summary>Replaces the master key id and wrapped key of an existing key (after re-wrapping).</summary>
    Task UpdateWrappingAsync(DataKeyRecord key, CancellationToken cancellationToken);
}

/// <summary>A data key as stored: wrapped (AES-GCM) by the master key named by <paramref name="MasterKeyId"/>.</summary>
internal sealed record DataKeyRecord(Guid Id, string MasterKeyId, byte[] WrappedKey);
