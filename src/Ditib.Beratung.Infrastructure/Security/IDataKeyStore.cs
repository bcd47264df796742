namespace Ditib.Beratung.Infrastructure.Security;

/// <summary>
/// Where wrapped data keys live (table <c>data_key</c>). Deleting a row crypto-shreds everything sealed with it.
/// </summary>
internal interface IDataKeyStore
{
    Task InsertAsync(DataKeyRecord key, CancellationToken cancellationToken);

    Task<DataKeyRecord?> GetAsync(Guid id, CancellationToken cancellationToken);
}

/// <summary>A data key as stored: wrapped (AES-GCM) by the master key named by <paramref name="MasterKeyId"/>.</summary>
internal sealed record DataKeyRecord(Guid Id, string MasterKeyId, byte[] WrappedKey);
