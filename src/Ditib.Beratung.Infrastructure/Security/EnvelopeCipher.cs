using System.Security.Cryptography;
using System.Text;
using Ditib.Beratung.Application.Common;

namespace Ditib.Beratung.Infrastructure.Security;

/// <summary>
/// AES-256-GCM envelope encryption. A data key is 32 random bytes, stored only wrapped by the active master key
/// (associated data: the data key id). A sealed payload is <c>version | nonce | tag | ciphertext</c> with the UTF-8
/// context as associated data, so it opens only for the record it was sealed for. Keys read from the store are not
/// cached: they live for one call and are then zeroed, so deleting a data key (<see cref="ShredAsync"/>) takes effect
/// at once. A key this instance created is kept until it is disposed (the end of the request) so that sealing right
/// after creating it does not read it back inside the write transaction; opening always reads the stored key.
/// Rotating master keys re-wraps data keys (<see cref="Rewrap"/>, run by <see cref="KeyRotation"/>); sealed payloads
/// are never touched.
/// </summary>
internal sealed class EnvelopeCipher(MasterKeyRing masterKeys, IDataKeyStore dataKeys) : IEnvelopeCipher, IDisposable
{
    public const byte FormatVersion = 1;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int HeaderSize = 1 + NonceSize + TagSize;
    private const int DataKeySize = 32;

    private readonly Dictionary<Guid, byte[]> created = [];

    public async Task<Guid> CreateDataKeyAsync(CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var dataKey = RandomNumberGenerator.GetBytes(DataKeySize);
        try
        {
            var wrapped = Seal(masterKeys.ActiveKey, dataKey, WrapContext(id));
            await dataKeys.InsertAsync(new DataKeyRecord(id, masterKeys.ActiveKeyId, wrapped), cancellationToken);
            created.Add(id, dataKey);
            return id;
        }
        catch
        {
            CryptographicOperations.ZeroMemory(dataKey);
            throw;
        }
    }

    public async Task<byte[]> EncryptAsync(Guid dataKeyId, ReadOnlyMemory<byte> plaintext, string context, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(context);
        var dataKey = created.TryGetValue(dataKeyId, out var own) ? (byte[])own.Clone() : await UnwrapAsync(dataKeyId, cancellationToken);
        try
        {
            return Seal(dataKey, plaintext.Span, Encoding.UTF8.GetBytes(context));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    public async Task<byte[]> DecryptAsync(Guid dataKeyId, ReadOnlyMemory<byte> ciphertext, string context, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(context);
        CheckFormat(ciphertext.Span, reason => new CiphertextInvalidException(dataKeyId, reason));
        var dataKey = await UnwrapAsync(dataKeyId, cancellationToken);
        try
        {
            return Open(dataKey, ciphertext.Span, Encoding.UTF8.GetBytes(context));
        }
        catch (AuthenticationTagMismatchException exception)
        {
            throw new CiphertextInvalidException(
                dataKeyId,
                "it does not authenticate: it was altered, belongs to a different context, or was sealed with another data key.",
                exception);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <inheritdoc />
    public async Task ShredAsync(Guid dataKeyId, CancellationToken cancellationToken)
    {
        await dataKeys.DeleteAsync(dataKeyId, cancellationToken);
        if (created.Remove(dataKeyId, out var dataKey))
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    public void Dispose()
    {
        foreach (var dataKey in created.Values)
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }

        created.Clear();
    }

    /// <summary>
    /// The same data key wrapped by the ring's active master key instead of the one that wraps it now; the data key
    /// itself, and so everything sealed with it, stays as it is. Throws as decryption would when the current master
    /// key is not in the ring or does not open the wrapped key.
    /// </summary>
    internal static DataKeyRecord Rewrap(DataKeyRecord record, MasterKeyRing masterKeys)
    {
        var dataKey = Unwrap(record, masterKeys);
        try
        {
            return new DataKeyRecord(record.Id, masterKeys.ActiveKeyId, Seal(masterKeys.ActiveKey, dataKey, WrapContext(record.Id)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private async Task<byte[]> UnwrapAsync(Guid dataKeyId, CancellationToken cancellationToken)
    {
        var record = await dataKeys.GetAsync(dataKeyId, cancellationToken) ?? throw new DataKeyNotFoundException(dataKeyId);
        return Unwrap(record, masterKeys);
    }

    private static byte[] Unwrap(DataKeyRecord record, MasterKeyRing masterKeys)
    {
        var dataKeyId = record.Id;
        if (!masterKeys.Contains(record.MasterKeyId))
        {
            throw new MasterKeyNotFoundException(dataKeyId, record.MasterKeyId);
        }

        CheckFormat(record.WrappedKey, _ => new DataKeyUnwrapException(dataKeyId, record.MasterKeyId));
        byte[] dataKey;
        try
        {
            dataKey = Open(masterKeys[record.MasterKeyId], record.WrappedKey, WrapContext(dataKeyId));
        }
        catch (AuthenticationTagMismatchException exception)
        {
            throw new DataKeyUnwrapException(dataKeyId, record.MasterKeyId, exception);
        }

        if (dataKey.Length != DataKeySize)
        {
            CryptographicOperations.ZeroMemory(dataKey);
            throw new DataKeyUnwrapException(dataKeyId, record.MasterKeyId);
        }

        return dataKey;
    }

    private static byte[] WrapContext(Guid dataKeyId) => Encoding.UTF8.GetBytes(dataKeyId.ToString("D"));

    private static void CheckFormat(ReadOnlySpan<byte> sealedData, Func<string, Exception> invalid)
    {
        if (sealedData.Length < HeaderSize)
        {
            throw invalid($"it is {sealedData.Length} bytes, shorter than the {HeaderSize}-byte header.");
        }

        if (sealedData[0] != FormatVersion)
        {
            throw invalid($"format version {sealedData[0]} is not supported (expected {FormatVersion}).");
        }
    }

    private static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var output = new byte[HeaderSize + plaintext.Length];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceSize);
        var tag = output.AsSpan(1 + NonceSize, TagSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(HeaderSize), tag, associatedData);
        return output;
    }

    /// <summary>Opens <c>version | nonce | tag | ciphertext</c>; the caller has checked the header.</summary>
    private static byte[] Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedData, ReadOnlySpan<byte> associatedData)
    {
        var plaintext = new byte[sealedData.Length - HeaderSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedData.Slice(1, NonceSize), sealedData[HeaderSize..], sealedData.Slice(1 + NonceSize, TagSize), plaintext, associatedData);
        return plaintext;
    }
}
