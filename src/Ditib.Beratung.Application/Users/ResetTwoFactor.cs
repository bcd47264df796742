using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Auth;
using Ditib.Beratung.Application.Common;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Users;

/// <summary>
/// An admin removes a user's second factor (a lost or new phone without recovery codes): the secret and the recovery
/// codes are gone, the user's sessions and tokens end at once, and the next sign-in leads to setting up a new factor.
/// Audited.
/// </summary>
public sealed record ResetTwoFactor(Guid Id) : ICommand<UserDto>;

public sealed class ResetTwoFactorHandler(IUserRepository users, IRecoveryCodeStore recoveryCodes, IAuditTrail audit, IClock clock)
    : IRequestHandler<ResetTwoFactor, UserDto>
{
    public async Task<UserDto> Handle(ResetTwoFactor request, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(request.Id, cancellationToken) ?? throw new NotFoundException("User not found.");
        user.ResetSecondFactor();
        await users.UpdateAsync(user, cancellationToken);
        await recoveryCodes.ReplaceAsync(user.Id, [], cancellationToken);
        await audit.RecordAsync(new AuditEvent("user.two-factor-reset", "user", user.Id.ToString()), cancellationToken);
        return UserDto.From(user, clock.GetCurrentInstant());
    }
}
