namespace Ditib.Beratung.Application.Common;

/// <summary>The write transaction of the current request. The transaction behaviour owns it for commands.</summary>
public interface IUnitOfWork
{
    Task BeginAsync(CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);

    Task RollbackAsync();
}

public static class UnitOfWorkExtensions
{
    /// <summary>How often a command is run when the database could not serialise it with concurrent ones.</summary>
    public const int MaxAttempts = 5;

    /// <summary>
    /// Runs the work in one write transaction: committed when it returns, rolled back when it throws. When the
    /// database could not serialise the transaction with a concurrent one (<see cref="SerializationConflictException"/>,
    /// PostgreSQL only), the whole work runs again in a new transaction, at most <see cref="MaxAttempts"/> times with
    /// a short random pause, then the database counts as busy (<see cref="DatabaseBusyException"/>); nothing of a
    /// failed attempt was stored or answered.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this IUnitOfWork unitOfWork, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await OnceAsync(unitOfWork, work, cancellationToken);
            }
            catch (SerializationConflictException conflict)
            {
                if (attempt == MaxAttempts)
                {
                    throw new DatabaseBusyException(conflict);
                }

#pragma warning disable CA5394 // jitter, not a secret
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 << attempt)), cancellationToken);
#pragma warning restore CA5394
            }
        }
    }

    private static async Task<T> OnceAsync<T>(IUnitOfWork unitOfWork, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await unitOfWork.BeginAsync(cancellationToken);
        try
        {
            var result = await work();
            await unitOfWork.CommitAsync(cancellationToken);
            return result;
        }
        catch
        {
            try
            {
                await unitOfWork.RollbackAsync();
            }
#pragma warning disable CA1031 // the command's own failure is the one to report; a failed rollback ends the transaction anyway
            catch
            {
            }
#pragma warning restore CA1031

            throw;
        }
    }
}

/// <summary>
/// Envelope encryption (AES-256-GCM): each owner (a booking, a case) has its own data key, stored wrapped by a
/// master key. <paramref name="context"/> binds a ciphertext to what it belongs to, so it cannot be moved.
/// </summary>
public interface IEnvelopeCipher
{
    Task<Guid> CreateDataKeyAsync(CancellationToken cancellationToken);

    Task<byte[]> EncryptAsync(Guid dataKeyId, ReadOnlyMemory<byte> plaintext, string context, CancellationToken cancellationToken);

    Task<byte[]> DecryptAsync(Guid dataKeyId, ReadOnlyMemory<byte> ciphertext, string context, CancellationToken cancellationToken);

    /// <summary>
    /// Crypto-shreds: deletes the data key, so that everything sealed with it can never be decrypted again (decrypting
    /// then fails with a "data erased or key missing" error). Shredding a key that no longer exists does nothing.
    /// The caller must first clear every foreign-key reference to the key (e.g. <c>booking.data_key_id</c>,
    /// <c>idempotency_key.data_key_id</c>): while one remains, the database refuses the delete (a foreign-key
    /// error) and nothing is shredded. Clear the references and shred in the same write transaction (a command).
    /// </summary>
    Task ShredAsync(Guid dataKeyId, CancellationToken cancellationToken);
}

/// <summary>
/// Turns for the runs that go one at a time across every instance on the database (<see cref="ISingleRun"/>): a
/// PostgreSQL advisory lock; on SQLite one process serves the file and the turn is always free.
/// </summary>
public interface ISingleRunLocks
{
    /// <summary>A handle to dispose when the run has ended, or null when another run of that name holds the turn now.</summary>
    Task<IAsyncDisposable?> TryEnterAsync(string run, CancellationToken cancellationToken);
}

/// <summary>Random secrets: booking references and manage tokens (the token is kept only as a hash).</summary>
public interface ISecrets
{
    string NewBookingReference();

    (string Token, byte[] Hash) NewManageToken();

    /// <summary>Compares in constant time.</summary>
    bool TokenMatches(string? token, byte[] storedHash);
}

/// <summary>Remembers the answers to idempotent commands; stored answers are encrypted (they hold secrets).</summary>
public interface IIdempotencyStore
{
    Task<StoredAnswer?> FindAsync(string scope, string key, CancellationToken cancellationToken);

    Task SaveAsync(string scope, string key, byte[] requestHash, byte[] answer, string? subject, CancellationToken cancellationToken);

    /// <summary>Deletes the stored answers about a subject (a cancelled or erased booking) and shreds their keys.</summary>
    Task ForgetAsync(string subject, CancellationToken cancellationToken);
}

public sealed record StoredAnswer(byte[] RequestHash, byte[] Answer);
