using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Domain.Users;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Auth;

/// <summary>
/// Exchanges user name, password and (once the second factor is set up) a code for a bearer token. The code is a
/// TOTP code or a recovery code. The password is checked before the write transaction, so slow hashing never holds
/// up bookings; the transaction then re-reads the account and stores the outcome (failure counters, lockout, used
/// code, audit entry). A failure is an answer, not an exception, so that all of it is committed; the endpoint
/// answers every kind of failure alike, a wrong code as a wrong password.
/// </summary>
public sealed record SignIn(string? Username, string? Password, string? Code = null) : IRequest<SignInResult>;

public enum SignInOutcome
{
    Failed,

    /// <summary>The password is right and the account has a second factor, but no code was given.</summary>
    SecondFactorRequired,

    SignedIn,
}

public sealed record SignInResult(SignInOutcome Outcome, TokenDto? Token = null, SignedInAccount? Account = null)
{
    public static readonly SignInResult Failed = new(SignInOutcome.Failed);
}

/// <summary>
/// The account that has just proven itself, for the staff pages' cookie: <see cref="Requires"/> is the one step it
/// must take first (<see cref="PendingSteps"/>), <see cref="SecondFactorAt"/> when it entered its second factor.
/// </summary>
public sealed record SignedInAccount(
    Guid Id, string Username, IReadOnlyList<string> Roles, string SecurityStamp, string? Requires, Instant? SecondFactorAt)
{
    public static SignedInAccount From(User user, string? requires, Instant? secondFactorAt) =>
        new(user.Id, user.Username, user.Roles, user.SecurityStamp, requires, secondFactorAt);
}

public sealed class SignInValidator : AbstractValidator<SignIn>
{
    public SignInValidator()
    {
        RuleFor(s => s.Username).NotEmpty().MaximumLength(64);
        RuleFor(s => s.Password).NotEmpty().MaximumLength(PasswordPolicy.MaximumLength);
        RuleFor(s => s.Code).MaximumLength(32);
    }
}

public sealed class SignInHandler(
    IUserRepository users, IPasswordHasher hasher, SignInGuard guard, SecondFactorCheck secondFactor, ITokenIssuer tokens, IAuditTrail audit,
    IUnitOfWork unitOfWork, SignInSettings settings, IClock clock)
    : IRequestHandler<SignIn, SignInResult>
{
    public async Task<SignInResult> Handle(SignIn request, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var candidate = await users.FindByUsernameAsync(request.Username!, cancellationToken);
        var check = PasswordCheck.Failed;
        if (candidate is { Active: true } && !candidate.IsLockedOut(now))
        {
            check = hasher.Verify(candidate.PasswordHash, request.Password!);
        }
        else
        {
            hasher.VerifyNothing(request.Password!);
        }

        var rehash = check == PasswordCheck.SuccessRehashNeeded ? hasher.Hash(request.Password!) : null;
        return await unitOfWork.InTransactionAsync(() => RecordAsync(candidate?.Id, check, rehash, request.Code, now, cancellationToken),
            cancellationToken);
    }

    private async Task<SignInResult> RecordAsync(
        Guid? userId, PasswordCheck check, string? rehash, string? code, Instant now, CancellationToken cancellationToken)
    {
        var user = userId is { } id ? await users.GetAsync(id, cancellationToken) : null;
        if (user is null)
        {
            await audit.RecordAsync(new AuditEvent("auth.sign-in", "user", null, "failure: unknown user") { Actor = (null, "anonymous") },
                cancellationToken);
            return SignInResult.Failed;
        }

        var actor = ((Guid?)user.Id, user.Username);
        if (!user.Active || await guard.IsLockedOutAsync(user, now, cancellationToken))
        {
            var why = user.Active ? "failure: locked out" : "failure: deactivated";
            await audit.RecordAsync(new AuditEvent("auth.sign-in", "user", user.Id.ToString(), why) { Actor = actor }, cancellationToken);
            return SignInResult.Failed;
        }

        if (check == PasswordCheck.Failed)
        {
            await guard.RecordFailureAsync(user, "wrong password or code", now, cancellationToken);
            return SignInResult.Failed;
        }

        Instant? secondFactorAt = null;
        if (user.HasSecondFactor)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                return new SignInResult(SignInOutcome.SecondFactorRequired, Account: SignedInAccount.From(user, null, null));
            }

            if (!await secondFactor.VerifyAsync(user, code, now, cancellationToken))
            {
                await guard.RecordFailureAsync(user, "wrong password or code", now, cancellationToken);
                return SignInResult.Failed;
            }

            secondFactorAt = now;
        }

        await guard.RecordSuccessAsync(user, cancellationToken);
        if (rehash is not null)
        {
            user.Rehash(rehash);
        }

        await users.UpdateAsync(user, cancellationToken);
        await audit.RecordAsync(new AuditEvent("auth.sign-in", "user", user.Id.ToString()) { Actor = actor }, cancellationToken);
        var requires = PendingSteps.For(user, settings.TwoFactorRequired);
        return new SignInResult(SignInOutcome.SignedIn, tokens.Issue(user, now, requires, secondFactorAt),
            SignedInAccount.From(user, requires, secondFactorAt));
    }
}
