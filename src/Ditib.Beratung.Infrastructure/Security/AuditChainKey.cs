using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Ditib.Beratung.Infrastructure.Security;

/// <summary>
/// The HMAC-SHA256 key that links the audit chain: <c>Beratung:Audit:ChainKey</c> (base64, at least 32 bytes), kept
/// apart from the database so that someone who can write the file cannot recompute the chain. In Development it is
/// generated once into the data folder with a warning; anywhere else the app refuses to start without one.
/// </summary>
public sealed class AuditChainKey
{
    public const string DevelopmentKeyFileName = "audit-chain-key";
    private const string Setting = "Beratung:Audit:ChainKey (Beratung__Audit__ChainKey)";
    private const int MinimumBytes = 32;

    private const string MissingKeyMessage =
        "No audit chain key is configured. Set Beratung__Audit__ChainKey to the base64 of at least 32 random bytes " +
        "(e.g. `openssl rand -base64 32`), kept apart from the database and its backups.";

    private readonly byte[] key;

    internal AuditChainKey(byte[] key) => this.key = key;

    public byte[] Sign(ReadOnlySpan<byte> data) => HMACSHA256.HashData(key, data);

    /// <summary>What is wrong with the configured key, naming the setting and never its value; null when it can be used.</summary>
    public static string? Problem(string? configured, bool isDevelopment) =>
        string.IsNullOrWhiteSpace(configured) ? (isDevelopment ? null : MissingKeyMessage)
        : TryDecode(configured, out _) ? null
        : Invalid(Setting);

    /// <summary>The configured key (<see cref="Problem"/> checked it at start-up), else in Development the generated one.</summary>
    public static AuditChainKey Load(string? configured, string dataFolder, bool isDevelopment, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new AuditChainKey(Decode(configured, Setting));
        }

        if (!isDevelopment)
        {
            throw new InvalidOperationException(MissingKeyMessage);
        }

        var path = Path.GetFullPath(Path.Combine(dataFolder, DevelopmentKeyFileName));
        if (!File.Exists(path))
        {
            DevelopmentSecretFile.TryCreate(path, Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        }

        logger.LogWarning(
            "No audit chain key is configured: using the development key in {Path}. It is for development only; " +
            "configure Beratung:Audit:ChainKey everywhere else.", path);
        DevelopmentSecretFile.WarnIfShared(path, logger);
        return new AuditChainKey(Decode(File.ReadAllText(path), $"The key in {path}"));
    }

    private static string Invalid(string where) => $"{where} must be the base64 encoding of at least {MinimumBytes} bytes.";

    private static byte[] Decode(string base64, string where) =>
        TryDecode(base64, out var key) ? key : throw new InvalidOperationException(Invalid(where));

    private static bool TryDecode(string base64, out byte[] key)
    {
        var buffer = new byte[base64.Length];
        var decoded = Convert.TryFromBase64String(base64.Trim(), buffer, out var written) && written >= MinimumBytes;
        key = decoded ? buffer[..written] : [];
        return decoded;
    }
}
