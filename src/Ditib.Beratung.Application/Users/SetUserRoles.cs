using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Users;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Users;

/// <summary>
/// An admin gives an account other roles. Its sessions and tokens end (none keeps the old roles); the last active
/// admin keeps the admin role. Audited with the new roles.
/// </summary>
public sealed record SetUserRoles(Guid Id, IReadOnlyList<string>? Roles) : ICommand<UserDto>;

public sealed class SetUserRolesValidator : AbstractValidator<SetUserRoles>
{
    public SetUserRolesValidator() => RuleFor(r => r.Roles).Roles();
}

public sealed class SetUserRolesHandler(IUserRepository users, IAuditTrail audit, IClock clock) : IRequestHandler<SetUserRoles, UserDto>
{
    public async Task<UserDto> Handle(SetUserRoles request, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(request.Id, cancellationToken) ?? throw new NotFoundException("User not found.");
        if (!request.Roles!.Contains(Roles.Admin))
        {
            LastAdmin.EnsureOthersRemain(user, await users.ListAsync(cancellationToken));
        }

        user.ChangeRoles(request.Roles!);
        await users.UpdateAsync(user, cancellationToken);
        await audit.RecordAsync(new AuditEvent("user.roles", "user", user.Id.ToString(), $"success: roles {string.Join(',', user.Roles)}"),
            cancellationToken);
        return UserDto.From(user, clock.GetCurrentInstant());
    }
}
