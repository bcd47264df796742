using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Users;
using MediatR;

namespace Ditib.Beratung.Application.Auth;

/// <summary>
/// A new TOTP secret for the current account, sealed under the account's data key; it counts only after its first
/// valid code (<see cref="EnableTwoFactor"/>). Replacing a second factor already in use needs a fresh one.
/// </summary>
/// <param name="ReuseStarted">Show the secret already being set up instead of making a new one (the enrolment page
/// after a mistyped code, so the phone's entry stays right).</param>
public sealed record SetUpTwoFactor(bool ReuseStarted = false) : ICommand<TwoFactorSetupDto>;

/// <summary>The secret in Base32 (to type in by hand) and the <c>otpauth://</c> address the QR code holds.</summary>
public sealed record TwoFactorSetupDto(string Secret, string OtpauthUri);

public sealed class SetUpTwoFactorHandler(
    IUserRepository users, ICurrentUser currentUser, ISecondFactorFreshness freshness, IOneTimeCodes codes, IEnvelopeCipher cipher,
    IAuditTrail audit, SignInSettings settings)
    : IRequestHandler<SetUpTwoFactor, TwoFactorSetupDto>
{
    public async Task<TwoFactorSetupDto> Handle(SetUpTwoFactor request, CancellationToken cancellationToken)
    {
        var user = (currentUser.Id is { } id ? await users.GetAsync(id, cancellationToken) : null)
            ?? throw new ForbiddenException("Only a signed-in account can set up its second factor.");
        if (user.HasSecondFactor && !freshness.IsFresh)
        {
            throw SecondFactorFreshness.Required();
        }

        if (request.ReuseStarted && user.SecondFactor is { PendingSecret: { } pending, DataKeyId: { } pendingKey })
        {
            var started = await cipher.DecryptAsync(pendingKey, pending, SecondFactorCheck.SecretContext(user.Id), cancellationToken);
            return new TwoFactorSetupDto(codes.Base32(started), codes.OtpauthUri(started, user.Username, settings.Issuer));
        }

        var secret = codes.NewSecret();
        var keyId = user.SecondFactor.DataKeyId ?? await cipher.CreateDataKeyAsync(cancellationToken);
        user.StartSecondFactorSetup(keyId, await cipher.EncryptAsync(keyId, secret, SecondFactorCheck.SecretContext(user.Id), cancellationToken));
        await users.UpdateAsync(user, cancellationToken);
        await audit.RecordAsync(new AuditEvent("user.second-factor-setup", "user", user.Id.ToString()), cancellationToken);
        return new TwoFactorSetupDto(codes.Base32(secret), codes.OtpauthUri(secret, user.Username, settings.Issuer));
    }
}

/// <summary>The answer when a sensitive step comes without a second factor entered in the last five minutes.</summary>
public static class SecondFactorFreshness
{
    public static ForbiddenException Required() =>
        new("This step needs your second factor entered in the last 5 minutes; sign in again with a code (or confirm it) and repeat it.");
}
