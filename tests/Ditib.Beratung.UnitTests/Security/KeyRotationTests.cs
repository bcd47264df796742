using System.Text;
using Ditib.Beratung.Infrastructure.Security;

namespace Ditib.Beratung.UnitTests.Security;

public sealed class KeyRotationTests
{
    private readonly FakeUnitOfWork transactions = new();
    private readonly InMemoryDataKeyStore store;
    private readonly byte[] oldKey = TestKeys.NewKey();
    private readonly byte[] newKey = TestKeys.NewKey();

    public KeyRotationTests() => store = new InMemoryDataKeyStore { Transactions = transactions };

    private static CancellationToken Ct => CancellationToken.None;

    private MasterKeyRing OldRing => TestKeys.Ring("old", ("old", oldKey));

    private MasterKeyRing RotatingRing => TestKeys.Ring("new", ("old", oldKey), ("new", newKey));

    private MasterKeyRing NewRing => TestKeys.Ring("new", ("new", newKey));

    private KeyRotation Rotation(MasterKeyRing ring, int batchSize = KeyRotation.DefaultBatchSize) => new(ring, store, transactions, batchSize);

    [Fact]
    public async Task Rotate_ReWrapsUnderTheNewKey_AndTheOldKeyCanThenBeRetired()
    {
        var sealedUnderOld = await SealAsync(new EnvelopeCipher(OldRing, store), count: 5);

        var result = await Rotation(RotatingRing).RotateAsync(Ct);

        Assert.Equal(5, result.Rewrapped);
        Assert.Equal(0, result.AlreadyCurrent);
        Assert.Empty(result.MissingMasterKey);
        Assert.All(store.Records, record => Assert.Equal("new", record.MasterKeyId));
        await AssertAllOpenAsync(new EnvelopeCipher(RotatingRing, store), sealedUnderOld);
        await AssertAllOpenAsync(new EnvelopeCipher(NewRing, store), sealedUnderOld);
        var (id, ciphertext, context, _) = sealedUnderOld[0];
        await Assert.ThrowsAsync<MasterKeyNotFoundException>(() => new EnvelopeCipher(OldRing, store).DecryptAsync(id, ciphertext, context, Ct));
    }

    [Fact]
    public async Task Rotate_LeavesTheDataKeysThemselvesAsTheyWere_OnlyTheirWrappingChanges()
    {
        var sealedUnderOld = await SealAsync(new EnvelopeCipher(OldRing, store), count: 3);
        var before = store.Records.ToDictionary(r => r.Id);

        await Rotation(RotatingRing).RotateAsync(Ct);

        Assert.All(store.Records, record =>
        {
            Assert.NotEqual(before[record.Id].WrappedKey, record.WrappedKey);
            Assert.Equal(before[record.Id].WrappedKey.Length, record.WrappedKey.Length);
        });
        // The ciphertexts were sealed before the rotation and are opened unchanged after it: the data key is the same.
        await AssertAllOpenAsync(new EnvelopeCipher(NewRing, store), sealedUnderOld);
    }

    [Fact]
    public async Task Rotate_IsIdempotent_ASecondRunReWrapsNothing()
    {
        var sealedUnderOld = await SealAsync(new EnvelopeCipher(OldRing, store), count: 4);
        await Rotation(RotatingRing).RotateAsync(Ct);
        var afterFirst = store.Records.ToDictionary(r => r.Id, r => r.WrappedKey);
        var updatesAfterFirst = store.Updates;

        var second = await Rotation(RotatingRing).RotateAsync(Ct);

        Assert.Equal(0, second.Rewrapped);
        Assert.Equal(4, second.AlreadyCurrent);
        Assert.Empty(second.MissingMasterKey);
        Assert.Equal(updatesAfterFirst, store.Updates);
        Assert.All(store.Records, record => Assert.Equal(afterFirst[record.Id], record.WrappedKey));
        await AssertAllOpenAsync(new EnvelopeCipher(NewRing, store), sealedUnderOld);
    }

    [Fact]
    public async Task Rotate_CountsKeysAlreadyUnderTheActiveKey_AndLeavesThemAlone()
    {
        await SealAsync(new EnvelopeCipher(OldRing, store), count: 2);
        var current = await SealAsync(new EnvelopeCipher(RotatingRing, store), count: 3);
        var currentWrapping = current.ToDictionary(s => s.Id, s => store.Get(s.Id).WrappedKey);

        var result = await Rotation(RotatingRing).RotateAsync(Ct);

        Assert.Equal(2, result.Rewrapped);
        Assert.Equal(3, result.AlreadyCurrent);
        Assert.All(currentWrapping, pair => Assert.Same(pair.Value, store.Get(pair.Key).WrappedKey));
    }

    [Fact]
    public async Task Rotate_WorksInBatches_EachInItsOwnCommittedTransaction()
    {
        var sealedUnderOld = await SealAsync(new EnvelopeCipher(OldRing, store), count: 5);

        var result = await Rotation(RotatingRing, batchSize: 2).RotateAsync(Ct);

        Assert.Equal(5, result.Rewrapped);
        Assert.Equal(3, transactions.Begun); // 2 + 2 + 1
        Assert.Equal(3, transactions.Committed);
        Assert.Equal(0, transactions.RolledBack);
        Assert.False(transactions.InTransaction);
        await AssertAllOpenAsync(new EnvelopeCipher(NewRing, store), sealedUnderOld);
    }

    [Fact]
    public async Task Rotate_WithFullLastBatch_EndsAfterOneEmptyBatch()
    {
        await SealAsync(new EnvelopeCipher(OldRing, store), count: 4);

        var result = await Rotation(RotatingRing, batchSize: 2).RotateAsync(Ct);

        Assert.Equal(4, result.Rewrapped);
        Assert.Equal(3, transactions.Committed);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(KeyRotation.DefaultBatchSize)]
    public async Task Rotate_ReportsKeysWhoseMasterKeyIsNotInTheRing_AndLeavesThemUnchanged(int batchSize)
    {
        var lostKey = TestKeys.NewKey();
        var lostRing = TestKeys.Ring("lost", ("lost", lostKey));
        var orphans = await SealAsync(new EnvelopeCipher(lostRing, store), count: 3);
        var sealedUnderOld = await SealAsync(new EnvelopeCipher(OldRing, store), count: 4);
        var orphanWrapping = orphans.ToDictionary(s => s.Id, s => store.Get(s.Id));

        var result = await Rotation(RotatingRing, batchSize).RotateAsync(Ct);

        Assert.Equal(4, result.Rewrapped);
        Assert.Equal(0, result.AlreadyCurrent);
        Assert.Equal(orphans.Select(s => s.Id).Order(), result.MissingMasterKey.Order());
        Assert.All(orphanWrapping, pair => Assert.Same(pair.Value, store.Get(pair.Key)));
        await AssertAllOpenAsync(new EnvelopeCipher(NewRing, store), sealedUnderOld);
        // Still openable once the missing master key is found and configured again.
        await AssertAllOpenAsync(new EnvelopeCipher(TestKeys.Ring("new", ("lost", lostKey), ("new", newKey)), store), orphans);

        var again = await Rotation(RotatingRing, batchSize).RotateAsync(Ct);
        Assert.Equal((0, 4, 3), (again.Rewrapped, again.AlreadyCurrent, again.MissingMasterKey.Count));
    }

    [Fact]
    public async Task Rotate_WithAWrongMasterKeyUnderTheRightId_FailsClearly_AndChangesNothing()
    {
        var sealedUnderOld = await SealAsync(new EnvelopeCipher(OldRing, store), count: 3);
        var before = store.Records.ToDictionary(r => r.Id);
        var wrongBytes = TestKeys.NewKey();
        var impostorRing = TestKeys.Ring("new", ("old", wrongBytes), ("new", newKey));

        var error = await Assert.ThrowsAsync<DataKeyUnwrapException>(() => Rotation(impostorRing).RotateAsync(Ct));

        Assert.Equal("old", error.MasterKeyId);
        Assert.Contains("'old'", error.Message, StringComparison.Ordinal);
        Assert.Contains("not the one it was wrapped with", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(wrongBytes), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(oldKey), error.Message, StringComparison.Ordinal);
        Assert.Equal(1, transactions.RolledBack);
        Assert.Equal(0, transactions.Committed);
        Assert.Equal(0, store.Updates);
        Assert.All(store.Records, record => Assert.Same(before[record.Id], record));
        await AssertAllOpenAsync(new EnvelopeCipher(OldRing, store), sealedUnderOld);
    }

    [Fact]
    public async Task Rotate_WithNoDataKeys_ReportsNothing()
    {
        var result = await Rotation(RotatingRing).RotateAsync(Ct);

        Assert.Equal((0, 0, 0), (result.Rewrapped, result.AlreadyCurrent, result.MissingMasterKey.Count));
        Assert.Equal(1, transactions.Committed);
    }

    [Fact]
    public async Task Rotate_InsideAnOpenTransaction_IsRefused()
    {
        await transactions.BeginAsync(Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Rotation(RotatingRing).RotateAsync(Ct));
    }

    private static async Task<List<(Guid Id, byte[] Ciphertext, string Context, byte[] Plaintext)>> SealAsync(EnvelopeCipher cipher, int count)
    {
        var sealedData = new List<(Guid, byte[], string, byte[])>();
        for (var i = 0; i < count; i++)
        {
            var id = await cipher.CreateDataKeyAsync(Ct);
            var context = $"case:{id}:note:{i}";
            var plaintext = Encoding.UTF8.GetBytes($"Erfundene Notiz Nummer {i} für Yılmaz");
            sealedData.Add((id, await cipher.EncryptAsync(id, plaintext, context, Ct), context, plaintext));
        }

        return sealedData;
    }

    private static async Task AssertAllOpenAsync(EnvelopeCipher cipher, IEnumerable<(Guid Id, byte[] Ciphertext, string Context, byte[] Plaintext)> sealedData)
    {
        foreach (var (id, ciphertext, context, plaintext) in sealedData)
        {
            Assert.Equal(plaintext, await cipher.DecryptAsync(id, ciphertext, context, Ct));
        }
    }
}
