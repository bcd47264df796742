using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Domain.Common;
using MediatR;

namespace Ditib.Beratung.Application.Auth;

/// <summary>Ten new recovery codes for the current account (the old ones stop working); needs a fresh second factor.</summary>
public sealed record NewRecoveryCodes : ICommand<RecoveryCodesDto>;

public sealed record RecoveryCodesDto(IReadOnlyList<string> RecoveryCodes);

public sealed class NewRecoveryCodesHandler(
    IUserRepository users, ICurrentUser currentUser, ISecondFactorFreshness freshness, IOneTimeCodes codes, IRecoveryCodeStore recoveryCodes,
    IAuditTrail audit)
    : IRequestHandler<NewRecoveryCodes, RecoveryCodesDto>
{
    public async Task<RecoveryCodesDto> Handle(NewRecoveryCodes request, CancellationToken cancellationToken)
    {
        var user = (currentUser.Id is { } id ? await users.GetAsync(id, cancellationToken) : null)
            ?? throw new ForbiddenException("Only a signed-in account can make recovery codes.");
        if (!user.HasSecondFactor)
        {
            throw new ConflictException("Recovery codes come with a second factor; set that up first.");
        }

        if (!freshness.IsFresh)
        {
            throw SecondFactorFreshness.Required();
        }

        var plain = codes.NewRecoveryCodes(EnableTwoFactorHandler.RecoveryCodeCount);
        await recoveryCodes.ReplaceAsync(user.Id, plain.Select(c => codes.HashRecoveryCode(user.Id, c)).ToList(), cancellationToken);
        await audit.RecordAsync(new AuditEvent("user.recovery-codes", "user", user.Id.ToString()), cancellationToken);
        return new RecoveryCodesDto(plain);
    }
}
