using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Domain.Users;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Auth;

/// <summary>
/// Exchanges user name and password for a bearer token. The password is checked before the write transaction, so
/// slow hashing never holds up bookings; the transaction then re-reads the account and stores the outcome (failure
/// counter, lockout, audit entry). A failure is an answer, not an exception, so that all of it is committed; the
/// endpoint answers every kind of failure alike.
/// </summary>
public sealed record SignIn(string? Username, string? Password) : IRequest<SignInResult>;

public sealed record SignInResult(TokenDto? Token, SignedInAccount? Account = null);

/// <summary>The account that has just signed in, for the staff pages' cookie.</summary>
public sealed record SignedInAccount(Guid Id, string Username, IReadOnlyList<string> Roles, string SecurityStamp)
{
    public static SignedInAccount From(User user) => new(user.Id, user.Username, user.Roles, user.SecurityStamp);
}

public sealed class SignInValidator : AbstractValidator<SignIn>
{
    public SignInValidator()
    {
        RuleFor(s => s.Username).NotEmpty().MaximumLength(64);
        RuleFor(s => s.Password).NotEmpty().MaximumLength(PasswordPolicy.MaximumLength);
    }
}

public sealed class SignInHandler(
    IUserRepository users, IPasswordHasher hasher, ITokenIssuer tokens, IAuditTrail audit, IUnitOfWork unitOfWork, SignInSettings settings,
    IClock clock)
    : IRequestHandler<SignIn, SignInResult>
{
    private static readonly SignInResult Failed = new((TokenDto?)null);

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
        return await unitOfWork.InTransactionAsync(() => RecordAsync(candidate?.Id, check, rehash, now, cancellationToken), cancellationToken);
    }

    private async Task<SignInResult> RecordAsync(Guid? userId, PasswordCheck check, string? rehash, Instant now, CancellationToken cancellationToken)
    {
        var user = userId is { } id ? await users.GetAsync(id, cancellationToken) : null;
        if (user is null)
        {
            await audit.RecordAsync(new AuditEvent("auth.sign-in", "user", null, "failure: unknown user") { Actor = (null, "anonymous") },
                cancellationToken);
            return Failed;
        }

        var actor = ((Guid?)user.Id, user.Username);
        if (!user.Active || user.IsLockedOut(now))
        {
            var why = user.Active ? "failure: locked out" : "failure: deactivated";
            await audit.RecordAsync(new AuditEvent("auth.sign-in", "user", user.Id.ToString(), why) { Actor = actor }, cancellationToken);
            return Failed;
        }

        if (check == PasswordCheck.Failed)
        {
            var locked = user.RecordFailedSignIn(now, settings.MaxFailedAttempts, settings.Lockout);
            await users.UpdateAsync(user, cancellationToken);
            await audit.RecordAsync(new AuditEvent("auth.sign-in", "user", user.Id.ToString(), "failure: wrong password") { Actor = actor },
                cancellationToken);
            if (locked)
            {
                await audit.RecordAsync(new AuditEvent("auth.lockout", "user", user.Id.ToString()) { Actor = actor }, cancellationToken);
            }

            return Failed;
        }

        user.RecordSuccessfulSignIn();
        if (rehash is not null)
        {
            user.Rehash(rehash);
        }

        await users.UpdateAsync(user, cancellationToken);
        await audit.RecordAsync(new AuditEvent("auth.sign-in", "user", user.Id.ToString()) { Actor = actor }, cancellationToken);
        return new SignInResult(tokens.Issue(user, now), SignedInAccount.From(user));
    }
}
