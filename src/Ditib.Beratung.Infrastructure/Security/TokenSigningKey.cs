using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Ditib.Beratung.Infrastructure.Security;

/// <summary>
/// The HMAC-SHA256 key that signs access tokens: <c>Beratung:Auth:SigningKey</c> (base64, at least 32 bytes).
/// In Development it is generated once into the data folder with a warning; anywhere else the app refuses to start
/// without one.
/// </summary>
public sealed class TokenSigningKey
{
    public const string Issuer = "ditib-beratung";
    public const string Audience = "ditib-beratung-api";
    public const string DevelopmentKeyFileName = "token-signing-key";
    private const int MinimumBytes = 32;
    private const string Setting = "Beratung:Auth:SigningKey (Beratung__Auth__SigningKey)";

    private const string MissingKeyMessage =
        "No token signing key is configured. Set Beratung__Auth__SigningKey to the base64 of at least 32 random bytes " +
        "(e.g. `openssl rand -base64 48`).";

    private TokenSigningKey(byte[] key) => Key = new SymmetricSecurityKey(key);

    public SymmetricSecurityKey Key { get; }

    /// <summary>What is wrong with the configured key, naming the setting and never its value; null when it can be used.</summary>
    public static string? Problem(string? configured, bool isDevelopment) =>
        string.IsNullOrWhiteSpace(configured) ? (isDevelopment ? null : MissingKeyMessage)
        : TryDecode(configured, out _) ? null
        : Invalid(Setting);

    /// <summary>The configured key (<see cref="Problem"/> checked it at start-up), else in Development the generated one.</summary>
    public static TokenSigningKey Load(string? configured, string dataFolder, bool isDevelopment, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new TokenSigningKey(Decode(configured, Setting));
        }

        if (!isDevelopment)
        {
            throw new InvalidOperationException(MissingKeyMessage);
        }

        var path = Path.GetFullPath(Path.Combine(dataFolder, DevelopmentKeyFileName));
        if (!File.Exists(path))
        {
            DevelopmentSecretFile.TryCreate(path,
                Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(48))));
        }

        logger.LogWarning(
            "No token signing key is configured: using the development key in {Path}. It is for development only; " +
            "configure Beratung:Auth:SigningKey everywhere else.", path);
        DevelopmentSecretFile.WarnIfShared(path, logger);
        return new TokenSigningKey(Decode(File.ReadAllText(path), $"The key in {path}"));
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
