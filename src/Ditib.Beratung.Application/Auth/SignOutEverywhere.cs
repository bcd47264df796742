using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Users;
using MediatR;

namespace Ditib.Beratung.Application.Auth;

/// <summary>Ends every session and token of the current account at once (a new security stamp).</summary>
public sealed record SignOutEverywhere : ICommand<Unit>;

public sealed class SignOutEverywhereHandler(IUserRepository users, ICurrentUser currentUser, IAuditTrail audit)
    : IRequestHandler<SignOutEverywhere, Unit>
{
    public async Task<Unit> Handle(SignOutEverywhere request, CancellationToken cancellationToken)
    {
        var user = (currentUser.Id is { } id ? await users.GetAsync(id, cancellationToken) : null)
            ?? throw new ForbiddenException("Only a signed-in account can sign out everywhere.");
        user.EndAllSessions();
        await users.UpdateAsync(user, cancellationToken);
        await audit.RecordAsync(new AuditEvent("auth.sign-out-everywhere", "user", user.Id.ToString()), cancellationToken);
        return Unit.Value;
    }
}
