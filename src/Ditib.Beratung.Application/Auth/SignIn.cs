using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Users;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Auth;

/// <summary>
/// Exchanges user name and password for a bearer token. A failure is an answer, not an exception, so that the
/// failed-attempt counter and the audit entry are committed; the endpoint answers every failure alike.
/// </summary>
public sealed record SignIn(string? Username, string? Password) : ICommand<SignInResult>;

public sealed record SignInResult(TokenDto? Token);

public sealed class SignInValidator : AbstractValidator<SignIn>
{
    public SignInValidator()
    {
        RuleFor(s => s.Username).NotEmpty().MaximumLength(64);
        RuleFor(s => s.Password).NotEmpty().MaximumLength(Domain.Users.PasswordPolicy.MaximumLength);
    }
}

public sealed class SignInHandler(
    IUserRepository users, IPasswordHasher hasher, ITokenIssuer tokens, IAuditTrail audit, SignInSettings settings, IClock clock)
    : IRequestHandler<SignIn, SignInResult>
{
    private static readonly SignInResult Failed = new((TokenDto?)null);

    public async Task<SignInResult> Handle(SignIn request, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var user = await users.FindByUsernameAsync(request.Username!, cancellationToken);
        if (user is null)
        {
            hasher.VerifyNothing(request.Password!);
            await audit.RecordAsync(new AuditEvent("auth.sign-in", "user", null, "failure: unknown user") { Actor = (null, "anonymous") },
                cancellationToken);
            return Failed;
        }

        var actor = ((Guid?)user.Id, user.Username);
        if (!user.Active || user.IsLockedOut(now))
        {
            hasher.VerifyNothing(request.Password!);
            var why = user.Active ? "failure: locked out" : "failure: deactivated";
            await audit.RecordAsync(new AuditEvent("auth.sign-in", "user", user.Id.ToString(), why) { Actor = actor }, cancellationToken);
            return Failed;
        }

        var check = hasher.Verify(user.PasswordHash, request.Password!);
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
        if (check == PasswordCheck.SuccessRehashNeeded)
        {
            user.Rehash(hasher.Hash(request.Password!));
        }

        await users.UpdateAsync(user, cancellationToken);
        await audit.RecordAsync(new AuditEvent("auth.sign-in", "user", user.Id.ToString()) { Actor = actor }, cancellationToken);
        return new SignInResult(tokens.Issue(user, now));
    }
}
