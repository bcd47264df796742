using NodaTime;

namespace Ditib.Beratung.Application.Auth;

/// <summary>
/// TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps) and recovery codes behind a port; Otp.NET does the arithmetic.
/// </summary>
public interface IOneTimeCodes
{
    /// <summary>A new random secret of 160 bits (RFC 4226's recommendation).</summary>
    byte[] NewSecret();

    /// <summary>The secret in Base32, as authenticator apps take it.</summary>
    string Base32(byte[] secret);

    /// <summary>The <c>otpauth://totp/…</c> address an authenticator app reads from the QR code.</summary>
    string OtpauthUri(byte[] secret, string accountName, string issuer);

    /// <summary>The time step of <paramref name="code"/> when it is valid at <paramref name="now"/> (one step either side), else null.</summary>
    long? MatchStep(byte[] secret, string code, Instant now);

    /// <summary>Single-use recovery codes like <c>K7QM3-XPA9R</c> (50 random bits each).</summary>
    IReadOnlyList<string> NewRecoveryCodes(int count);

    /// <summary>The stored form of a recovery code for this account (case, spaces and hyphens do not matter).</summary>
    string HashRecoveryCode(Guid userId, string code);
}
