using System.Security.Cryptography;

namespace Ditib.Beratung.Infrastructure.Security;

// Messages name ids and causes only: never key bytes, never plaintext.

/// <summary>The data key does not exist: deleted (crypto-shredded), or never created.</summary>
public sealed class DataKeyNotFoundException(Guid dataKeyId)
    : CryptographicException(
        $"Data key {dataKeyId} is missing: the data sealed with it has been erased (its key was crypto-shredded), or " +
        "the key was never stored. That data cannot be decrypted.")
{
    public Guid DataKeyId { get; } = dataKeyId;
}

/// <summary>The data key is wrapped by a master key that is not in the key ring (e.g. removed after a rotation).</summary>
public sealed class MasterKeyNotFoundException(Guid dataKeyId, string masterKeyId)
    : CryptographicException(
        $"Data key {dataKeyId} is wrapped by master key '{masterKeyId}', which is not configured. " +
        "Keep every master key that still wraps data keys in Beratung:Encryption:MasterKeys.")
{
    public Guid DataKeyId { get; } = dataKeyId;

    public string MasterKeyId { get; } = masterKeyId;
}

/// <summary>A master key with the right id did not open the wrapped data key: wrong key material, or corrupted row.</summary>
public sealed class DataKeyUnwrapException(Guid dataKeyId, string masterKeyId, Exception? innerException = null)
    : CryptographicException(
        $"Data key {dataKeyId} could not be unwrapped with master key '{masterKeyId}': the configured key is not the " +
        "one it was wrapped with, or the stored wrapped key is corrupted.",
        innerException)
{
    public Guid DataKeyId { get; } = dataKeyId;

    public string MasterKeyId { get; } = masterKeyId;
}

/// <summary>
/// A ciphertext did not authenticate: it was altered or truncated, belongs to another context (record), or was
/// sealed with another data key. AES-GCM cannot tell these apart, and the message says so.
/// </summary>
public sealed class CiphertextInvalidException(Guid dataKeyId, string reason, Exception? innerException = null)
    : CryptographicException($"Ciphertext for data key {dataKeyId} is invalid: {reason}", innerException)
{
    public Guid DataKeyId { get; } = dataKeyId;
}
