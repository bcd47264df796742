using System.Security.Cryptography;
using Ditib.Beratung.Infrastructure.Security;

namespace Ditib.Beratung.UnitTests.Security;

internal static class TestKeys
{
    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(MasterKeyRing.KeySize);

    public static MasterKeyRing Ring(string activeKeyId, params (string Id, byte[] Key)[] keys) =>
        new(keys.Select(k => new KeyValuePair<string, byte[]>(k.Id, k.Key)), activeKeyId);
}
