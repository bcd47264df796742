using System.Security.Cryptography;
using System.Text.Json;
using Ditib.Beratung.Infrastructure.Settings;
using Microsoft.Extensions.Logging;

namespace Ditib.Beratung.Infrastructure.Security;

/// <summary>
/// The master keys that wrap data keys, by id, and the id of the one new data keys are wrapped with. Old keys stay
/// in the ring after a rotation so that the data keys they wrap can still be opened.
/// </summary>
internal sealed class MasterKeyRing
{
    public const int KeySize = 32;
    public const string SectionName = "Beratung:Encryption";
    public const string DevelopmentKeyFileName = "master-keys.json";

    private const string MissingKeysMessage =
        "No master encryption key is configured (" + SectionName + ":MasterKeys). Set the environment variables " +
        "Beratung__Encryption__MasterKeys__0__Id, Beratung__Encryption__MasterKeys__0__Key (base64 of 32 random " +
        "bytes, e.g. `openssl rand -base64 32`) and Beratung__Encryption__ActiveKeyId, or the same keys in user " +
        "secrets. A key is generated automatically only in Development.";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly Dictionary<string, byte[]> keys;

    public MasterKeyRing(IEnumerable<KeyValuePair<string, byte[]>> keys, string activeKeyId)
    {
        this.keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, key) in keys)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new InvalidOperationException("A master key has an empty id.");
            }

            if (key.Length != KeySize)
            {
                throw new InvalidOperationException($"Master key '{id}' must be exactly {KeySize} bytes.");
            }

            if (!this.keys.TryAdd(id, key.ToArray()))
            {
                throw new InvalidOperationException($"Master key id '{id}' is configured more than once.");
            }
        }

        if (!this.keys.ContainsKey(activeKeyId))
        {
            throw new InvalidOperationException(
                $"{SectionName}:ActiveKeyId '{activeKeyId}' does not name a configured master key ({string.Join(", ", this.keys.Keys)}).");
        }

        ActiveKeyId = activeKeyId;
    }

    public string ActiveKeyId { get; }

    public ReadOnlySpan<byte> ActiveKey => keys[ActiveKeyId];

    public bool Contains(string id) => keys.ContainsKey(id);

    /// <summary>The key with this id; callers check <see cref="Contains"/> first.</summary>
    public ReadOnlySpan<byte> this[string id] => keys[id];

    /// <summary>What is wrong with the configured keys, naming the setting and never a key; null when they can be used.</summary>
    public static string? Problem(EncryptionOptions options, bool isDevelopment)
    {
        if (options.MasterKeys.Count == 0)
        {
            return isDevelopment ? null : MissingKeysMessage;
        }

        try
        {
            FromOptions(options);
            return null;
        }
        catch (InvalidOperationException invalid)
        {
            return invalid.Message;
        }
    }

    /// <summary>
    /// The configured keys (<see cref="Problem"/> checked them at start-up). Without configured keys: in Development,
    /// generates (once) and reuses a key in <c>&lt;dataFolder&gt;/master-keys.json</c> with a warning; elsewhere,
    /// refuses to start.
    /// </summary>
    public static MasterKeyRing Load(EncryptionOptions options, string dataFolder, bool isDevelopment, ILogger logger)
    {
        if (options.MasterKeys.Count > 0)
        {
            return FromOptions(options);
        }

        if (!isDevelopment)
        {
            throw new InvalidOperationException(MissingKeysMessage);
        }

        return LoadOrCreateDevelopmentKey(dataFolder, logger);
    }

    private static MasterKeyRing FromOptions(EncryptionOptions options)
    {
        var keys = new List<KeyValuePair<string, byte[]>>();
        foreach (var (entry, index) in options.MasterKeys.Select((entry, index) => (entry, index)))
        {
            var where = $"{SectionName}:MasterKeys:{index}";
            var id = entry.Id;
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new InvalidOperationException($"{where}:Id is missing (Beratung__Encryption__MasterKeys__{index}__Id).");
            }

            keys.Add(new(id, DecodeKey(entry.Key, $"{where}:Key (master key '{id}')")));
        }

        var activeKeyId = options.ActiveKeyId;
        if (string.IsNullOrWhiteSpace(activeKeyId))
        {
            activeKeyId = keys.Count == 1
                ? keys[0].Key
                : throw new InvalidOperationException(
                    $"{SectionName}:ActiveKeyId (Beratung__Encryption__ActiveKeyId) must name the master key that wraps new data keys.");
        }

        return new MasterKeyRing(keys, activeKeyId);
    }

    private static byte[] DecodeKey(string? base64, string where)
    {
        // The value is never echoed: it is (nearly) a secret even when malformed.
        var invalid = $"{where} must be the base64 encoding of exactly {KeySize} bytes (e.g. `openssl rand -base64 32`).";
        if (string.IsNullOrWhiteSpace(base64))
        {
            throw new InvalidOperationException(invalid);
        }

        var buffer = new byte[KeySize + 1];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var written) || written != KeySize)
        {
            CryptographicOperations.ZeroMemory(buffer);
            throw new InvalidOperationException(invalid);
        }

        var key = buffer[..KeySize];
        CryptographicOperations.ZeroMemory(buffer);
        return key;
    }

    private static MasterKeyRing LoadOrCreateDevelopmentKey(string dataFolder, ILogger logger)
    {
        var path = Path.GetFullPath(Path.Combine(dataFolder, DevelopmentKeyFileName));
        var created = false;
        if (!File.Exists(path))
        {
            created = TryCreateDevelopmentKeyFile(path);
        }

        logger.LogWarning(
            "No master key is configured: {Action} the development master key in {Path}. It is for development only; " +
            "configure Beratung:Encryption:MasterKeys everywhere else.",
            created ? "generated" : "using",
            path);

        DevelopmentSecretFile.WarnIfShared(path, logger);

        DevelopmentKeyFile? file;
        try
        {
            file = JsonSerializer.Deserialize<DevelopmentKeyFile>(File.ReadAllBytes(path), Json);
        }
        catch (JsonException exception)
        {
            throw new InvalidOperationException($"The development master key file {path} is not valid JSON.", exception);
        }

        if (file is null || string.IsNullOrWhiteSpace(file.Id))
        {
            throw new InvalidOperationException($"The development master key file {path} has no key id.");
        }

        return new MasterKeyRing([new(file.Id, DecodeKey(file.Key, $"The key in {path}"))], file.Id);
    }

    private static bool TryCreateDevelopmentKeyFile(string path)
    {
        var key = RandomNumberGenerator.GetBytes(KeySize);
        var file = new DevelopmentKeyFile($"dev-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}", Convert.ToBase64String(key));
        CryptographicOperations.ZeroMemory(key);
        return DevelopmentSecretFile.TryCreate(path, JsonSerializer.SerializeToUtf8Bytes(file, Json));
    }

    private sealed record DevelopmentKeyFile(string Id, string Key);
}
