using System.Security.Cryptography;
using System.Text;
using Ditib.Beratung.Application.Auth;
using NodaTime;
using OtpNet;

namespace Ditib.Beratung.Infrastructure.Security;

/// <summary>
/// TOTP with Otp.NET (RFC 6238: SHA-1, 6 digits, 30-second steps, one step either side) and recovery codes from an
/// alphabet without look-alike characters. Recovery codes are hashed with SHA-256 over the account id and the code:
/// 50 random bits each, single-use and counted against the sign-in lockout, so a slow hash would add nothing.
/// </summary>
public sealed class OneTimeCodes : IOneTimeCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private const int Step = 30;
    private const int Digits = 6;

    public byte[] NewSecret() => KeyGeneration.GenerateRandomKey(20);

    public string Base32(byte[] secret) => Base32Encoding.ToString(secret);

    public string OtpauthUri(byte[] secret, string accountName, string issuer) =>
        new OtpUri(OtpType.Totp, Base32(secret), accountName, issuer, OtpHashMode.Sha1, Digits, Step).ToString();

    public long? MatchStep(byte[] secret, string code, Instant now)
    {
        var totp = new Totp(secret, Step, OtpHashMode.Sha1, Digits);
        return totp.VerifyTotp(now.ToDateTimeUtc(), code, out var step, new VerificationWindow(previous: 1, future: 1)) ? step : null;
    }

    public IReadOnlyList<string> NewRecoveryCodes(int count) =>
        Enumerable.Range(0, count).Select(_ =>
        {
            var chars = RandomNumberGenerator.GetString(Alphabet, 10);
            return $"{chars[..5]}-{chars[5..]}";
        }).ToList();

    public string HashRecoveryCode(Guid userId, string code)
    {
        var normal = new string(code.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{userId:D}:{normal}")));
    }
}
