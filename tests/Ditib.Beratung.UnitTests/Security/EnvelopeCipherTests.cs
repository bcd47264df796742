using System.Text;
using Ditib.Beratung.Infrastructure.Security;

namespace Ditib.Beratung.UnitTests.Security;

public sealed class EnvelopeCipherTests : IDisposable
{
    private const string Context = "booking:0195f5d2-7a51-7cc3-9a4f-2f6d0b1f1a11:personal";
    private static readonly byte[] Plaintext = Encoding.UTF8.GetBytes("""{"name":"Ayşe Yılmaz","concern":"Trauer"}""");

    private readonly InMemoryDataKeyStore store = new();
    private readonly byte[] masterKey = TestKeys.NewKey();
    private readonly EnvelopeCipher cipher;

    public EnvelopeCipherTests() => cipher = new EnvelopeCipher(TestKeys.Ring("k1", ("k1", masterKey)), store);

    private static CancellationToken Ct => CancellationToken.None;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4096)]
    public async Task EncryptThenDecrypt_WithSameKeyAndContext_ReturnsPlaintext(int length)
    {
        var plaintext = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();
        var key = await cipher.CreateDataKeyAsync(Ct);

        var sealedData = await cipher.EncryptAsync(key, plaintext, Context, Ct);
        var opened = await cipher.DecryptAsync(key, sealedData, Context, Ct);

        Assert.Equal(plaintext, opened);
    }

    [Fact]
    public async Task Encrypt_WithAKeyThisCipherCreated_DoesNotReadTheKeyBack_ButAnotherCipherAndDecryptDo()
    {
        var key = await cipher.CreateDataKeyAsync(Ct);

        var sealedData = await cipher.EncryptAsync(key, Plaintext, Context, Ct);
        Assert.Equal(0, store.Reads);

        using var later = new EnvelopeCipher(TestKeys.Ring("k1", ("k1", masterKey)), store);
        await later.EncryptAsync(key, Plaintext, Context, Ct);
        Assert.Equal(1, store.Reads);
        Assert.Equal(Plaintext, await cipher.DecryptAsync(key, sealedData, Context, Ct));
        Assert.Equal(2, store.Reads);
    }

    [Fact]
    public async Task Encrypt_WritesVersionNonceTagCiphertextLayout_WithoutThePlaintext()
    {
        var key = await cipher.CreateDataKeyAsync(Ct);

        var sealedData = await cipher.EncryptAsync(key, Plaintext, Context, Ct);

        Assert.Equal(1 + 12 + 16 + Plaintext.Length, sealedData.Length);
        Assert.Equal(EnvelopeCipher.FormatVersion, sealedData[0]);
        Assert.False(sealedData.AsSpan().IndexOf(Plaintext.AsSpan(0, 8)) >= 0, "The plaintext shows through.");
    }

    [Fact]
    public async Task Encrypt_SamePlaintextTwice_GivesDifferentNoncesAndCiphertexts()
    {
        var key = await cipher.CreateDataKeyAsync(Ct);

        var first = await cipher.EncryptAsync(key, Plaintext, Context, Ct);
        var second = await cipher.EncryptAsync(key, Plaintext, Context, Ct);

        Assert.NotEqual(first.AsSpan(1, 12).ToArray(), second.AsSpan(1, 12).ToArray());
        Assert.NotEqual(first, second);
        Assert.Equal(Plaintext, await cipher.DecryptAsync(key, second, Context, Ct));
    }

    [Fact]
    public async Task Decrypt_WithWrongContext_Throws()
    {
        var key = await cipher.CreateDataKeyAsync(Ct);
        var sealedData = await cipher.EncryptAsync(key, Plaintext, Context, Ct);

        var error = await Assert.ThrowsAsync<CiphertextInvalidException>(
            () => cipher.DecryptAsync(key, sealedData, "booking:00000000-0000-0000-0000-000000000000:personal", Ct));

        Assert.Equal(key, error.DataKeyId);
        Assert.Contains("different context", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decrypt_WithAnySingleByteTampered_Throws()
    {
        var key = await cipher.CreateDataKeyAsync(Ct);
        var sealedData = await cipher.EncryptAsync(key, Plaintext, Context, Ct);

        for (var i = 0; i < sealedData.Length; i++)
        {
            var tampered = sealedData.ToArray();
            tampered[i] ^= 0x01;
            await Assert.ThrowsAsync<CiphertextInvalidException>(() => cipher.DecryptAsync(key, tampered, Context, Ct));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(28)]
    public async Task Decrypt_ShorterThanHeader_ThrowsSayingSo(int length)
    {
        var key = await cipher.CreateDataKeyAsync(Ct);

        var error = await Assert.ThrowsAsync<CiphertextInvalidException>(() => cipher.DecryptAsync(key, new byte[length], Context, Ct));

        Assert.Contains("shorter than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decrypt_Truncated_Throws()
    {
        var key = await cipher.CreateDataKeyAsync(Ct);
        var sealedData = await cipher.EncryptAsync(key, Plaintext, Context, Ct);

        await Assert.ThrowsAsync<CiphertextInvalidException>(() => cipher.DecryptAsync(key, sealedData.AsMemory(..^1), Context, Ct));
    }

    [Fact]
    public async Task Decrypt_WithAnotherDataKey_Throws()
    {
        var key = await cipher.CreateDataKeyAsync(Ct);
        var otherKey = await cipher.CreateDataKeyAsync(Ct);
        var sealedData = await cipher.EncryptAsync(key, Plaintext, Context, Ct);

        await Assert.ThrowsAsync<CiphertextInvalidException>(() => cipher.DecryptAsync(otherKey, sealedData, Context, Ct));
    }

    [Fact]
    public async Task EncryptAndDecrypt_WithUnknownDataKey_ThrowDataKeyNotFound()
    {
        var key = await cipher.CreateDataKeyAsync(Ct);
        var sealedData = await cipher.EncryptAsync(key, Plaintext, Context, Ct);
        var unknown = Guid.NewGuid();

        var onEncrypt = await Assert.ThrowsAsync<DataKeyNotFoundException>(() => cipher.EncryptAsync(unknown, Plaintext, Context, Ct));
        var onDecrypt = await Assert.ThrowsAsync<DataKeyNotFoundException>(() => cipher.DecryptAsync(unknown, sealedData, Context, Ct));

        Assert.Equal(unknown, onEncrypt.DataKeyId);
        Assert.Contains(unknown.ToString(), onDecrypt.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decrypt_AfterDataKeyDeleted_ThrowsDataKeyNotFound()
    {
        var key = await cipher.CreateDataKeyAsync(Ct);
        var sealedData = await cipher.EncryptAsync(key, Plaintext, Context, Ct);

        store.Delete(key);

        await Assert.ThrowsAsync<DataKeyNotFoundException>(() => cipher.DecryptAsync(key, sealedData, Context, Ct));
    }

    [Fact]
    public async Task Decrypt_WhenMasterKeyMissingFromRing_ThrowsNamingTheMasterKey()
    {
        var key = await cipher.CreateDataKeyAsync(Ct);
        var sealedData = await cipher.EncryptAsync(key, Plaintext, Context, Ct);
        var withoutK1 = new EnvelopeCipher(TestKeys.Ring("k2", ("k2", TestKeys.NewKey())), store);

        var error = await Assert.ThrowsAsync<MasterKeyNotFoundException>(() => withoutK1.DecryptAsync(key, sealedData, Context, Ct));

        Assert.Equal("k1", error.MasterKeyId);
        Assert.Contains("'k1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decrypt_WhenMasterKeyHasSameIdButOtherBytes_ThrowsUnwrapErrorWithoutKeyMaterial()
    {
        var key = await cipher.CreateDataKeyAsync(Ct);
        var sealedData = await cipher.EncryptAsync(key, Plaintext, Context, Ct);
        var wrongBytes = TestKeys.NewKey();
        var impostor = new EnvelopeCipher(TestKeys.Ring("k1", ("k1", wrongBytes)), store);

        var error = await Assert.ThrowsAsync<DataKeyUnwrapException>(() => impostor.DecryptAsync(key, sealedData, Context, Ct));

        Assert.Equal("k1", error.MasterKeyId);
        Assert.DoesNotContain(Convert.ToBase64String(wrongBytes), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(masterKey), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decrypt_WhenWrappedKeyIsCopiedToAnotherDataKeyId_ThrowsUnwrapError()
    {
        var key = await cipher.CreateDataKeyAsync(Ct);
        var victim = await cipher.CreateDataKeyAsync(Ct);
        var sealedData = await cipher.EncryptAsync(key, Plaintext, Context, Ct);
        store.Put(store.Get(victim) with { WrappedKey = store.Get(key).WrappedKey });

        await Assert.ThrowsAsync<DataKeyUnwrapException>(() => cipher.DecryptAsync(victim, sealedData, Context, Ct));
    }

    [Fact]
    public async Task Decrypt_WhenWrappedKeyTampered_ThrowsUnwrapError()
    {
        var key = await cipher.CreateDataKeyAsync(Ct);
        var sealedData = await cipher.EncryptAsync(key, Plaintext, Context, Ct);
        var wrapped = store.Get(key).WrappedKey.ToArray();
        wrapped[^1] ^= 0x80;
        store.Put(store.Get(key) with { WrappedKey = wrapped });

        await Assert.ThrowsAsync<DataKeyUnwrapException>(() => cipher.DecryptAsync(key, sealedData, Context, Ct));
    }

    [Fact]
    public async Task CreateDataKey_StoresAFreshKeyWrappedByTheActiveMasterKey()
    {
        var first = await cipher.CreateDataKeyAsync(Ct);
        var second = await cipher.CreateDataKeyAsync(Ct);

        Assert.NotEqual(first, second);
        Assert.All(store.Records, record =>
        {
            Assert.Equal("k1", record.MasterKeyId);
            Assert.Equal(1 + 12 + 16 + 32, record.WrappedKey.Length);
        });
        Assert.NotEqual(store.Get(first).WrappedKey, store.Get(second).WrappedKey);
    }

    [Fact]
    public async Task Rotation_RingWithOldAndNewKeys_OpensOldDataKeysAndWrapsNewOnesWithNewKey()
    {
        var oldKey = await cipher.CreateDataKeyAsync(Ct);
        var oldSealed = await cipher.EncryptAsync(oldKey, Plaintext, Context, Ct);
        var rotated = new EnvelopeCipher(TestKeys.Ring("k2", ("k1", masterKey), ("k2", TestKeys.NewKey())), store);

        var newKey = await rotated.CreateDataKeyAsync(Ct);
        var newSealed = await rotated.EncryptAsync(newKey, Plaintext, Context, Ct);

        Assert.Equal(Plaintext, await rotated.DecryptAsync(oldKey, oldSealed, Context, Ct));
        Assert.Equal(Plaintext, await rotated.DecryptAsync(newKey, newSealed, Context, Ct));
        Assert.Equal("k1", store.Get(oldKey).MasterKeyId);
        Assert.Equal("k2", store.Get(newKey).MasterKeyId);
        await Assert.ThrowsAsync<MasterKeyNotFoundException>(() => cipher.DecryptAsync(newKey, newSealed, Context, Ct));
    }

    [Fact]
    public async Task Encrypt_WithEmptyContext_IsRejected()
    {
        var key = await cipher.CreateDataKeyAsync(Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => cipher.EncryptAsync(key, Plaintext, "", Ct));
    }

    public void Dispose() => cipher.Dispose();
}
