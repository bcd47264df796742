using Ditib.Beratung.Application.Common;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Users;

/// <summary>One account with its state (active, locked, second factor, pending password change), for the admin.</summary>
public sealed record GetUser(Guid Id) : IRequest<UserDto>;

public sealed class GetUserHandler(IUserRepository users, IClock clock) : IRequestHandler<GetUser, UserDto>
{
    public async Task<UserDto> Handle(GetUser request, CancellationToken cancellationToken) =>
        UserDto.From(await users.GetAsync(request.Id, cancellationToken) ?? throw new NotFoundException("User not found."), clock.GetCurrentInstant());
}
