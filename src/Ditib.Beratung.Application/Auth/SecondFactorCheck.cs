using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Users;
using NodaTime;

namespace Ditib.Beratung.Application.Auth;

/// <summary>
/// Checks a code against an account's second factor: a TOTP code (its time step used up, so it counts once) or one
/// of the recovery codes (used up, and audited). Runs inside the caller's write transaction; the caller stores the
/// account.
/// </summary>
public sealed class SecondFactorCheck(IOneTimeCodes codes, IEnvelopeCipher cipher, IRecoveryCodeStore recoveryCodes, IAuditTrail audit)
{
    public static string SecretContext(Guid userId) => $"user:{userId}:totp";

    public async Task<bool> VerifyAsync(User user, string? code, Instant now, CancellationToken cancellationToken)
    {
        var factor = user.SecondFactor;
        if (string.IsNullOrWhiteSpace(code) || code.Length > 32 || factor.Secret is null || factor.DataKeyId is not { } keyId)
        {
            return false;
        }

        var digits = code.Replace(" ", "", StringComparison.Ordinal);
        if (digits.Length == 6 && digits.All(char.IsAsciiDigit))
        {
            var secret = await cipher.DecryptAsync(keyId, factor.Secret, SecretContext(user.Id), cancellationToken);
            return codes.MatchStep(secret, digits, now) is { } step && user.UseTotpStep(step);
        }

        if (!await recoveryCodes.UseAsync(user.Id, codes.HashRecoveryCode(user.Id, code), now, cancellationToken))
        {
            return false;
        }

        await audit.RecordAsync(new AuditEvent("auth.recovery-code", "user", user.Id.ToString()) { Actor = (user.Id, user.Username) },
            cancellationToken);
        return true;
    }
}
