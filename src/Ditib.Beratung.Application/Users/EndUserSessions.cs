using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Users;

/// <summary>
/// An admin ends every session and token of a user at once (a new security stamp: staff cookies and bearer tokens
/// issued before are refused on their next request), e.g. after a lost laptop. Audited.
/// </summary>
public sealed record EndUserSessions(Guid Id) : ICommand<UserDto>;

public sealed class EndUserSessionsHandler(IUserRepository users, IAuditTrail audit, IClock clock) : IRequestHandler<EndUserSessions, UserDto>
{
    public async Task<UserDto> Handle(EndUserSessions request, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(request.Id, cancellationToken) ?? throw new NotFoundException("User not found.");
        user.EndAllSessions();
        await users.UpdateAsync(user, cancellationToken);
        await audit.RecordAsync(new AuditEvent("user.sessions-end", "user", user.Id.ToString()), cancellationToken);
        return UserDto.From(user, clock.GetCurrentInstant());
    }
}
