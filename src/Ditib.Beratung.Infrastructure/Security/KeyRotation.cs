using Ditib.Beratung.Application.Common;

namespace Ditib.Beratung.Infrastructure.Security;

/// <summary>
/// Rotates to the key ring's active master key: every data key wrapped by another master key is unwrapped and wrapped
/// again by the active one. The data keys themselves do not change, so nothing they seal (booking data, case notes)
/// is read or rewritten. Keys are processed in batches, each in its own write transaction of the scope's session;
/// a batch is stored completely or not at all, and running the rotation again continues where it stopped (keys
/// already under the active master key are left alone), so it is safe to repeat.
/// </summary>
/// <remarks>
/// Run it outside a command (it opens its own transactions). Run it after every host has the new master key as its
/// active key; a host still on the old one may wrap new data keys with it, which a later run picks up. A data key
/// wrapped by a master key missing from the ring is reported in <see cref="KeyRotationResult.MissingMasterKey"/> and
/// left as it is; retire an old master key only when a run reports no such keys and nothing left to re-wrap. A master
/// key that is in the ring but does not open its data keys (same id, other bytes) stops the run with
/// <see cref="DataKeyUnwrapException"/>; the batches before it stay committed.
/// </remarks>
public sealed class KeyRotation
{
    public const int DefaultBatchSize = 200;

    private readonly MasterKeyRing masterKeys;
    private readonly IDataKeyStore dataKeys;
    private readonly IUnitOfWork unitOfWork;
    private readonly int batchSize;

    internal KeyRotation(MasterKeyRing masterKeys, IDataKeyStore dataKeys, IUnitOfWork unitOfWork, int batchSize = DefaultBatchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        this.masterKeys = masterKeys;
        this.dataKeys = dataKeys;
        this.unitOfWork = unitOfWork;
        this.batchSize = batchSize;
    }

    /// <summary>The master key that data keys are re-wrapped with.</summary>
    public string ActiveKeyId => masterKeys.ActiveKeyId;

    public async Task<KeyRotationResult> RotateAsync(CancellationToken cancellationToken)
    {
        var activeKeyId = masterKeys.ActiveKeyId;
        int? alreadyCurrent = null;
        var rewrapped = 0;
        var missingMasterKey = new List<Guid>();
        Guid? after = null;
        while (true)
        {
            IReadOnlyList<DataKeyRecord> batch;
            var missingInBatch = new List<Guid>();
            await unitOfWork.BeginAsync(cancellationToken);
            try
            {
                alreadyCurrent ??= await dataKeys.CountWrappedByAsync(activeKeyId, cancellationToken);
                batch = await dataKeys.ListNotWrappedByAsync(activeKeyId, after, batchSize, cancellationToken);
                foreach (var record in batch)
                {
                    if (!masterKeys.Contains(record.MasterKeyId))
                    {
                        missingInBatch.Add(record.Id);
                        continue;
                    }

                    await dataKeys.UpdateWrappingAsync(EnvelopeCipher.Rewrap(record, masterKeys), cancellationToken);
                }

                await unitOfWork.CommitAsync(cancellationToken);
            }
            catch
            {
                await unitOfWork.RollbackAsync();
                throw;
            }

            rewrapped += batch.Count - missingInBatch.Count;
            missingMasterKey.AddRange(missingInBatch);
            if (batch.Count < batchSize)
            {
                return new KeyRotationResult(rewrapped, alreadyCurrent.Value, missingMasterKey);
            }

            after = batch[^1].Id;
        }
    }
}

/// <summary>
/// What a rotation did: data keys re-wrapped by the active master key, data keys that already were, and the ids of
/// data keys left unchanged because the master key that wraps them is not in the ring.
/// </summary>
public sealed record KeyRotationResult(int Rewrapped, int AlreadyCurrent, IReadOnlyList<Guid> MissingMasterKey);
