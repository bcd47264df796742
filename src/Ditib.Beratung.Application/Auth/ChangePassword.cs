using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Domain.Common;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Auth;

/// <summary>A signed-in user changes their own password; their other tokens stop working, the answer holds a new one.</summary>
public sealed record ChangePassword(string? CurrentPassword, string? NewPassword) : ICommand<TokenDto>;

public sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator(ICommonPasswords commonPasswords)
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(Domain.Users.PasswordPolicy.MaximumLength);
        this.Password(c => c.NewPassword, _ => null, commonPasswords);
    }
}

public sealed class ChangePasswordHandler(
    IUserRepository users, ICurrentUser currentUser, IPasswordHasher hasher, ITokenIssuer tokens, IAuditTrail audit, IClock clock)
    : IRequestHandler<ChangePassword, TokenDto>
{
    public async Task<TokenDto> Handle(ChangePassword request, CancellationToken cancellationToken)
    {
        var user = (currentUser.Id is { } id ? await users.GetAsync(id, cancellationToken) : null)
            ?? throw new ForbiddenException("Only a signed-in user can change their password.");
        if (hasher.Verify(user.PasswordHash, request.CurrentPassword!) == PasswordCheck.Failed)
        {
            throw new DomainRuleException("The current password is not correct.", "currentPassword");
        }

        if (Domain.Users.PasswordPolicy.ContainsUsername(request.NewPassword!, user.Username))
        {
            throw new DomainRuleException("The password must not contain the user name.", "newPassword");
        }

        user.ChangePassword(hasher.Hash(request.NewPassword!));
        await users.UpdateAsync(user, cancellationToken);
        await audit.RecordAsync(new AuditEvent("user.password-change", "user", user.Id.ToString()), cancellationToken);
        return tokens.Issue(user, clock.GetCurrentInstant());
    }
}
