using NodaTime;

namespace Ditib.Beratung.BrowserTests.Support;

/// <summary>An authenticator app for the tests: RFC 6238 codes (Otp.NET) at the application's fake time.</summary>
public static class Totp
{
    public static long StepAt(Instant instant) => instant.ToUnixTimeSeconds() / 30;

    public static string CodeAt(byte[] secret, Instant instant) => CodeOfStep(secret, StepAt(instant));

    public static string CodeOfStep(byte[] secret, long step) => new OtpNet.Totp(secret).ComputeTotp(DateTime.UnixEpoch.AddSeconds(step * 30));

    /// <summary>The secret as the enrolment page shows it (Base32 in groups of four).</summary>
    public static byte[] FromShown(string shown) => OtpNet.Base32Encoding.ToBytes(shown.Replace(" ", "", StringComparison.Ordinal));
}
