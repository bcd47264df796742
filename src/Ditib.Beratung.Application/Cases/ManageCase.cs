using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Counsellors;
using Ditib.Beratung.Domain.Common;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Cases;

public enum CaseAction
{
    Share,
    Unshare,
    Close,
    Reopen,
}

/// <summary>The owner shares or unshares a case with another counsellor, closes or reopens it. All audited.</summary>
public sealed record ManageCase(Guid CaseId, CaseAction Action, Guid? CounsellorId = null) : ICommand<CaseSummaryDto>;

public sealed class ManageCaseValidator : AbstractValidator<ManageCase>
{
    public ManageCaseValidator() =>
        RuleFor(c => c.CounsellorId).NotEmpty().When(c => c.Action is CaseAction.Share or CaseAction.Unshare);
}

public sealed class ManageCaseHandler(
    CaseAccess access, ICaseRepository cases, ICounsellorRepository counsellors, Users.IUserRepository users, IAuditTrail audit,
    CentreSettings settings, IClock clock)
    : IRequestHandler<ManageCase, CaseSummaryDto>
{
    public async Task<CaseSummaryDto> Handle(ManageCase request, CancellationToken cancellationToken)
    {
        var (@case, owner) = await access.OpenOwnedAsync(request.CaseId, cancellationToken);
        switch (request.Action)
        {
            case CaseAction.Share:
                var colleague = await counsellors.GetAsync(request.CounsellorId!.Value, cancellationToken);
                var account = colleague?.UserId is { } userId ? await users.GetAsync(userId, cancellationToken) : null;
                if (colleague is not { Active: true } || account is not { Active: true })
                {
                    throw new DomainRuleException("A case can be shared only with an active counsellor who has an account.", "counsellorId");
                }

                @case.ShareWith(colleague!.Id);
                break;
            case CaseAction.Unshare:
                @case.Unshare(request.CounsellorId!.Value);
                break;
            case CaseAction.Close:
                @case.Close(clock.GetCurrentInstant().InZone(settings.Zone).Date);
                break;
            case CaseAction.Reopen:
                @case.Reopen();
                break;
        }

        await cases.UpdateAsync(@case, cancellationToken);
        var subject = request.CounsellorId is { } other ? $"success: counsellor {other}" : AuditOutcomes.Success;
        await audit.RecordAsync(new AuditEvent($"case.{request.Action.ToString().ToLowerInvariant()}", "case", @case.Id.ToString(), subject),
            cancellationToken);
        return (await cases.ListAsync(new CaseFilter(owner.Id, null, null, null, @case.Id), cancellationToken)).Single();
    }
}
