using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Auth;

/// <summary>Signing out of the staff pages: the session ends on the server, so its cookie is worthless afterwards.</summary>
public sealed record EndStaffSession(Guid SessionId) : ICommand<Unit>;

public sealed class EndStaffSessionHandler(IStaffSessionStore sessions, IAuditTrail audit, ICurrentUser currentUser, IClock clock)
    : IRequestHandler<EndStaffSession, Unit>
{
    public async Task<Unit> Handle(EndStaffSession request, CancellationToken cancellationToken)
    {
        await sessions.EndAsync(request.SessionId, clock.GetCurrentInstant(), cancellationToken);
        await audit.RecordAsync(new AuditEvent("auth.sign-out", "user", currentUser.Id?.ToString()), cancellationToken);
        return Unit.Value;
    }
}
