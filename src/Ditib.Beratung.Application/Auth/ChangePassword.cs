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
/// A signed-in user changes their own password; their other tokens stop working, the answer holds a new one. A wrong
/// current password counts as a failed sign-in (and can lock the source or the account), so a stolen token cannot be
/// used to guess the password. An account with a second factor needs it entered in the last 5 minutes. This is also
/// the one step a token allows after someone else set the password. Hashing happens before the write transaction.
/// </summary>
public sealed record ChangePassword(string? CurrentPassword, string? NewPassword) : IRequest<TokenDto>;

public sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator(ICommonPasswords commonPasswords)
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(PasswordPolicy.MaximumLength);
        this.Password(c => c.NewPassword, _ => null, commonPasswords);
    }
}

public sealed class ChangePasswordHandler(
    IUserRepository users, ICurrentUser currentUser, IPasswordHasher hasher, ITokenIssuer tokens, IAuditTrail audit, IUnitOfWork unitOfWork,
    SignInGuard guard, ISecondFactorFreshness freshness, SignInSettings settings, IClock clock)
    : IRequestHandler<ChangePassword, TokenDto>
{
    public async Task<TokenDto> Handle(ChangePassword request, CancellationToken cancellationToken)
    {
        var user = (currentUser.Id is { } id ? await users.GetAsync(id, cancellationToken) : null)
            ?? throw new ForbiddenException("Only a signed-in user can change their password.");
        if (PasswordPolicy.ContainsUsername(request.NewPassword!, user.Username))
        {
            throw new DomainRuleException("The password must not contain the user name.", "newPassword");
        }

        if (user.HasSecondFactor && !freshness.IsFresh)
        {
            throw SecondFactorFreshness.Required();
        }

        var now = clock.GetCurrentInstant();
        if (await guard.IsLockedOutAsync(user, now, cancellationToken))
        {
            throw new DomainRuleException("The account is locked after failed attempts; try again later or ask an admin.", "currentPassword");
        }

        var correct = hasher.Verify(user.PasswordHash, request.CurrentPassword!) != PasswordCheck.Failed;
        var newHash = correct ? hasher.Hash(request.NewPassword!) : null;
        var token = await unitOfWork.InTransactionAsync(async () =>
        {
            var current = (await users.GetAsync(user.Id, cancellationToken))!;
            if (newHash is null || await guard.IsLockedOutAsync(current, now, cancellationToken))
            {
                await audit.RecordAsync(new AuditEvent("user.password-change", "user", user.Id.ToString(), "failure: wrong current password"),
                    cancellationToken);
                if (newHash is null)
                {
                    await guard.RecordFailureAsync(current, "wrong password or code", now, cancellationToken);
                }

                return null;
            }

            current.ChangePassword(newHash);
            await users.UpdateAsync(current, cancellationToken);
            await audit.RecordAsync(new AuditEvent("user.password-change", "user", user.Id.ToString()), cancellationToken);
            var requires = PendingSteps.For(current, settings.TwoFactorRequired);
            return tokens.Issue(current, now, requires) with { Account = SignedInAccount.From(current, requires, null) };
        }, cancellationToken);

        return token ?? throw new DomainRuleException("The current password is not correct.", "currentPassword");
    }
}
