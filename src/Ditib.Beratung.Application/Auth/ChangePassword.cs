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
/// current password counts as a failed sign-in (and can lock the account), so a stolen token cannot be used to
/// guess the password. Hashing happens before the write transaction.
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
    SignInSettings settings, IClock clock)
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

        var now = clock.GetCurrentInstant();
        if (user.IsLockedOut(now))
        {
            throw new DomainRuleException("The account is locked after failed attempts; try again later or ask an admin.", "currentPassword");
        }

        var correct = hasher.Verify(user.PasswordHash, request.CurrentPassword!) != PasswordCheck.Failed;
        var newHash = correct ? hasher.Hash(request.NewPassword!) : null;
        var token = await unitOfWork.InTransactionAsync(async () =>
        {
            var current = (await users.GetAsync(user.Id, cancellationToken))!;
            if (newHash is null || current.IsLockedOut(now))
            {
                var locked = newHash is null && current.RecordFailedSignIn(now, settings.MaxFailedAttempts, settings.Lockout);
                await users.UpdateAsync(current, cancellationToken);
                await audit.RecordAsync(new AuditEvent("user.password-change", "user", user.Id.ToString(), "failure: wrong current password"),
                    cancellationToken);
                if (locked)
                {
                    await audit.RecordAsync(new AuditEvent("auth.lockout", "user", user.Id.ToString()), cancellationToken);
                }

                return null;
            }

            current.ChangePassword(newHash);
            await users.UpdateAsync(current, cancellationToken);
            await audit.RecordAsync(new AuditEvent("user.password-change", "user", user.Id.ToString()), cancellationToken);
            return tokens.Issue(current, now);
        }, cancellationToken);

        return token ?? throw new DomainRuleException("The current password is not correct.", "currentPassword");
    }
}
