using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Domain.Users;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Auth;

/// <summary>
/// The current account enters a code of its second factor: the staff sign-in's second step (after the password), and
/// the staff pages' confirmation before a sensitive step. A wrong code counts like a wrong password.
/// </summary>
public sealed record VerifySecondFactor(string? Code) : ICommand<SignInResult>;

public sealed class VerifySecondFactorValidator : AbstractValidator<VerifySecondFactor>
{
    public VerifySecondFactorValidator() => RuleFor(v => v.Code).NotEmpty().MaximumLength(32);
}

public sealed class VerifySecondFactorHandler(
    IUserRepository users, ICurrentUser currentUser, SignInGuard guard, SecondFactorCheck secondFactor, ITokenIssuer tokens, IAuditTrail audit,
    SignInSettings settings, IClock clock)
    : IRequestHandler<VerifySecondFactor, SignInResult>
{
    public async Task<SignInResult> Handle(VerifySecondFactor request, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var user = (currentUser.Id is { } id ? await users.GetAsync(id, cancellationToken) : null)
            ?? throw new ForbiddenException("Only an account that has given its password can enter a code.");
        if (!user.Active || await guard.IsLockedOutAsync(user, now, cancellationToken))
        {
            await audit.RecordAsync(new AuditEvent("auth.second-factor", "user", user.Id.ToString(), "failure: locked out or deactivated"),
                cancellationToken);
            return SignInResult.Failed;
        }

        if (!await secondFactor.VerifyAsync(user, request.Code, now, cancellationToken))
        {
            await guard.RecordFailureAsync(user, "wrong password or code", now, cancellationToken);
            return SignInResult.Failed;
        }

        await guard.RecordSuccessAsync(user, cancellationToken);
        await users.UpdateAsync(user, cancellationToken);
        await audit.RecordAsync(new AuditEvent("auth.second-factor", "user", user.Id.ToString()), cancellationToken);
        var requires = PendingSteps.For(user, settings.TwoFactorRequired);
        return new SignInResult(SignInOutcome.SignedIn, tokens.Issue(user, now, requires, now), SignedInAccount.From(user, requires, now));
    }
}
