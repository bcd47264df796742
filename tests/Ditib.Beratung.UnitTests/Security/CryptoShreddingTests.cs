using System.Text;
using Ditib.Beratung.Infrastructure.Security;

namespace Ditib.Beratung.UnitTests.Security;

public sealed class CryptoShreddingTests : IDisposable
{
    private static readonly byte[] Plaintext = Encoding.UTF8.GetBytes("""{"name":"Ayşe Yılmaz","note":"Erfundene Notiz"}""");

    private readonly FakeUnitOfWork transactions = new();
    private readonly InMemoryDataKeyStore store;
    private readonly byte[] masterKey = TestKeys.NewKey();
    private readonly EnvelopeCipher cipher;

    public CryptoShreddingTests()
    {
        store = new InMemoryDataKeyStore { Transactions = transactions };
        cipher = new EnvelopeCipher(TestKeys.Ring("k1", ("k1", masterKey)), store);
    }

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Shred_MakesDecryptFail_WhileDataSealedWithAnotherKeyStaysReadable()
    {
        var shredded = await cipher.CreateDataKeyAsync(Ct);
        var kept = await cipher.CreateDataKeyAsync(Ct);
        var shreddedSealed = await cipher.EncryptAsync(shredded, Plaintext, "case:a:note:1", Ct);
        var keptSealed = await cipher.EncryptAsync(kept, Plaintext, "case:b:note:1", Ct);

        await ShredAsync(shredded);

        var error = await Assert.ThrowsAsync<DataKeyNotFoundException>(() => cipher.DecryptAsync(shredded, shreddedSealed, "case:a:note:1", Ct));
        Assert.Equal(shredded, error.DataKeyId);
        Assert.Equal(Plaintext, await cipher.DecryptAsync(kept, keptSealed, "case:b:note:1", Ct));
        Assert.Null(await store.GetAsync(shredded, Ct));
    }

    [Fact]
    public async Task Shred_ErrorSaysTheDataWasErasedOrTheKeyIsMissing_WithoutKeyMaterial()
    {
        var key = await cipher.CreateDataKeyAsync(Ct);
        var wrapped = store.Get(key).WrappedKey;
        var sealedData = await cipher.EncryptAsync(key, Plaintext, "case:a:note:1", Ct);

        await ShredAsync(key);

        var error = await Assert.ThrowsAsync<DataKeyNotFoundException>(() => cipher.DecryptAsync(key, sealedData, "case:a:note:1", Ct));
        Assert.Contains(key.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("erased", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(masterKey), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(wrapped), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(wrapped), error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Shred_AlsoStopsEncryptingWithTheKey()
    {
        var key = await cipher.CreateDataKeyAsync(Ct);

        await ShredAsync(key);

        await Assert.ThrowsAsync<DataKeyNotFoundException>(() => cipher.EncryptAsync(key, Plaintext, "case:a:note:2", Ct));
    }

    [Fact]
    public async Task Shred_OfAKeyThatIsAlreadyGone_DoesNothing()
    {
        var key = await cipher.CreateDataKeyAsync(Ct);
        var other = await cipher.CreateDataKeyAsync(Ct);

        await ShredAsync(key);
        await ShredAsync(key);
        await ShredAsync(Guid.NewGuid());

        Assert.Equal(other, Assert.Single(store.Records).Id);
    }

    [Fact]
    public async Task Shred_SurvivesRotation_TheShreddedKeyIsNotBroughtBack()
    {
        var key = await cipher.CreateDataKeyAsync(Ct);
        var sealedData = await cipher.EncryptAsync(key, Plaintext, "case:a:note:1", Ct);
        await ShredAsync(key);
        var ring = TestKeys.Ring("k2", ("k1", masterKey), ("k2", TestKeys.NewKey()));

        var result = await new KeyRotation(ring, store, transactions).RotateAsync(Ct);

        Assert.Equal((0, 0), (result.Rewrapped, result.AlreadyCurrent));
        Assert.Empty(result.MissingMasterKey);
        await Assert.ThrowsAsync<DataKeyNotFoundException>(
            () => new EnvelopeCipher(ring, store).DecryptAsync(key, sealedData, "case:a:note:1", Ct));
    }

    /// <summary>As a command would: in a write transaction.</summary>
    private async Task ShredAsync(Guid key)
    {
        await transactions.BeginAsync(Ct);
        await cipher.ShredAsync(key, Ct);
        await transactions.CommitAsync(Ct);
    }

    public void Dispose() => cipher.Dispose();
}
