using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Common;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Users;

/// <summary>
/// An admin deactivates or re-activates an account; deactivation ends its tokens at once. Neither her own account nor
/// the last active admin can be deactivated.
/// </summary>
public sealed record SetUserActive(Guid Id, bool Active) : ICommand<UserDto>;

public sealed class SetUserActiveHandler(IUserRepository users, ICurrentUser currentUser, IAuditTrail audit, IClock clock)
    : IRequestHandler<SetUserActive, UserDto>
{
    public async Task<UserDto> Handle(SetUserActive request, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(request.Id, cancellationToken) ?? throw new NotFoundException("User not found.");
        if (!request.Active && user.Id == currentUser.Id)
        {
            throw new DomainRuleException("You cannot deactivate your own account.", "id");
        }

        if (!request.Active)
        {
            Domain.Users.LastAdmin.EnsureOthersRemain(user, await users.ListAsync(cancellationToken));
        }

        if (request.Active)
        {
            user.Activate();
        }
        else
        {
            user.Deactivate();
        }

        await users.UpdateAsync(user, cancellationToken);
        await audit.RecordAsync(new AuditEvent(request.Active ? "user.activate" : "user.deactivate", "user", user.Id.ToString()), cancellationToken);
        return UserDto.From(user, clock.GetCurrentInstant());
    }
}

/// <summary>An admin lifts a lockout, the account's and every source's.</summary>
public sealed record UnlockUser(Guid Id) : ICommand<UserDto>;

public sealed class UnlockUserHandler(IUserRepository users, Auth.ISignInSourceStore sources, IAuditTrail audit, IClock clock)
    : IRequestHandler<UnlockUser, UserDto>
{
    public async Task<UserDto> Handle(UnlockUser request, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(request.Id, cancellationToken) ?? throw new NotFoundException("User not found.");
        user.Unlock();
        await users.UpdateAsync(user, cancellationToken);
        await sources.ClearAllAsync(user.Id, cancellationToken);
        await audit.RecordAsync(new AuditEvent("user.unlock", "user", user.Id.ToString()), cancellationToken);
        return UserDto.From(user, clock.GetCurrentInstant());
    }
}

/// <summary>
/// An admin sets a new password for a user (who forgot theirs); the user's tokens stop working, and the next sign-in
/// may do nothing but change it (so an admin cannot quietly act as the user). Audited.
/// </summary>
public sealed record ResetPassword(Guid Id, string? Password) : ICommand<UserDto>;

public sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator(ICommonPasswords commonPasswords) => this.Password(r => r.Password, _ => null, commonPasswords);
}

public sealed class ResetPasswordHandler(IUserRepository users, ICurrentUser currentUser, IPasswordHasher hasher, IAuditTrail audit, IClock clock)
    : IRequestHandler<ResetPassword, UserDto>
{
    public async Task<UserDto> Handle(ResetPassword request, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(request.Id, cancellationToken) ?? throw new NotFoundException("User not found.");
        if (Domain.Users.PasswordPolicy.ContainsUsername(request.Password!, user.Username))
        {
            throw new DomainRuleException("The password must not contain the user name.", "password");
        }

        if (currentUser.Id == user.Id)
        {
            user.ChangePassword(hasher.Hash(request.Password!));
        }
        else
        {
            user.SetPasswordByOther(hasher.Hash(request.Password!));
        }

        await users.UpdateAsync(user, cancellationToken);
        await audit.RecordAsync(new AuditEvent("user.password-reset", "user", user.Id.ToString()), cancellationToken);
        return UserDto.From(user, clock.GetCurrentInstant());
    }
}
