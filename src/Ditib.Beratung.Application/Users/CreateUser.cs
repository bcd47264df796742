using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Users;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Users;

/// <summary>
/// An admin creates an account (and the command-line verb creates the first admin through the same path). A password
/// chosen by an admin must be changed at the first sign-in; one given on the command line is the admin's own.
/// </summary>
public sealed record CreateUser(string? Username, string? Password, IReadOnlyList<string>? Roles) : ICommand<UserDto>;

public sealed class CreateUserValidator : AbstractValidator<CreateUser>
{
    public CreateUserValidator(ICommonPasswords commonPasswords)
    {
        RuleFor(u => u.Username).Username();
        this.Password(u => u.Password, u => u.Username, commonPasswords);
        RuleFor(u => u.Roles).Roles();
    }
}

public sealed class CreateUserHandler(IUserRepository users, ICurrentUser currentUser, IPasswordHasher hasher, IAuditTrail audit, IClock clock)
    : IRequestHandler<CreateUser, UserDto>
{
    public async Task<UserDto> Handle(CreateUser request, CancellationToken cancellationToken)
    {
        var user = User.Create(Guid.CreateVersion7(), request.Username!, hasher.Hash(request.Password!), request.Roles!);
        if (!currentUser.IsSystem)
        {
            user.RequirePasswordChange();
        }

        await users.AddAsync(user, cancellationToken);
        await audit.RecordAsync(new AuditEvent("user.create", "user", user.Id.ToString(), $"success: roles {string.Join(',', user.Roles)}"),
            cancellationToken);
        return UserDto.From(user, clock.GetCurrentInstant());
    }
}

public sealed record ListUsers : IRequest<IReadOnlyList<UserDto>>;

public sealed class ListUsersHandler(IUserRepository users, IClock clock) : IRequestHandler<ListUsers, IReadOnlyList<UserDto>>
{
    public async Task<IReadOnlyList<UserDto>> Handle(ListUsers request, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        return (await users.ListAsync(cancellationToken)).Select(u => UserDto.From(u, now)).ToList();
    }
}
