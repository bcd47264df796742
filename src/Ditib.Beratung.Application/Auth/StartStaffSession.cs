using Ditib.Beratung.Application.Common;
using NodaTime;

namespace Ditib.Beratung.Application.Auth;

/// <summary>
/// A new server-side session for the staff pages after a complete sign-in (the sign-in page sends it for the account
/// that has just proven itself). Every sign-in gets a new session id.
/// </summary>
public sealed record StartStaffSession(Guid UserId) : ICommand<Guid>;

public sealed class StartStaffSessionHandler(IStaffSessionStore sessions, IClock clock) : MediatR.IRequestHandler<StartStaffSession, Guid>
{
    public async Task<Guid> Handle(StartStaffSession request, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        await sessions.StartAsync(id, request.UserId, clock.GetCurrentInstant(), cancellationToken);
        return id;
    }
}
