using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Domain.Users;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Auth;

/// <summary>
/// The first valid code of the secret being set up switches the second factor on: other sessions end, ten new
/// recovery codes are made (shown this once, stored hashed) and the answer holds a new token.
/// </summary>
public sealed record EnableTwoFactor(string? Code) : ICommand<TwoFactorEnabledDto>;

public sealed record TwoFactorEnabledDto(IReadOnlyList<string> RecoveryCodes, string AccessToken, string ExpiresAt, string? Requires)
{
    /// <summary>The account as it is now signed in, for the staff pages' cookie (not part of the API's answer).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public SignedInAccount? Account { get; init; }
}

public sealed class EnableTwoFactorValidator : AbstractValidator<EnableTwoFactor>
{
    public EnableTwoFactorValidator() => RuleFor(e => e.Code).NotEmpty().MaximumLength(32);
}

public sealed class EnableTwoFactorHandler(
    IUserRepository users, ICurrentUser currentUser, ISecondFactorFreshness freshness, IOneTimeCodes codes, IEnvelopeCipher cipher,
    IRecoveryCodeStore recoveryCodes, ITokenIssuer tokens, IAuditTrail audit, SignInSettings settings, IClock clock)
    : IRequestHandler<EnableTwoFactor, TwoFactorEnabledDto>
{
    public const int RecoveryCodeCount = 10;

    public async Task<TwoFactorEnabledDto> Handle(EnableTwoFactor request, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var user = (currentUser.Id is { } id ? await users.GetAsync(id, cancellationToken) : null)
            ?? throw new ForbiddenException("Only a signed-in account can switch on its second factor.");
        if (user.HasSecondFactor && !freshness.IsFresh)
        {
            throw SecondFactorFreshness.Required();
        }

        if (user.SecondFactor is not { PendingSecret: { } pending, DataKeyId: { } keyId })
        {
            throw new ConflictException("There is no second factor being set up; start the set-up first.");
        }

        var secret = await cipher.DecryptAsync(keyId, pending, SecondFactorCheck.SecretContext(user.Id), cancellationToken);
        var step = codes.MatchStep(secret, request.Code!.Replace(" ", "", StringComparison.Ordinal), now)
            ?? throw new DomainRuleException("The code does not fit the new secret; check the time on the phone and try the next code.", "code");
        user.EnableSecondFactor(step);
        await users.UpdateAsync(user, cancellationToken);
        var plain = codes.NewRecoveryCodes(RecoveryCodeCount);
        await recoveryCodes.ReplaceAsync(user.Id, plain.Select(c => codes.HashRecoveryCode(user.Id, c)).ToList(), cancellationToken);
        await audit.RecordAsync(new AuditEvent("user.second-factor-enabled", "user", user.Id.ToString()), cancellationToken);

        var requires = PendingSteps.For(user, settings.TwoFactorRequired);
        var token = tokens.Issue(user, now, requires, now);
        return new TwoFactorEnabledDto(plain, token.AccessToken, token.ExpiresAt, requires) { Account = SignedInAccount.From(user, requires, now) };
    }
}
