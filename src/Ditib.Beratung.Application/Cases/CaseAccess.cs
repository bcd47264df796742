using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Counsellors;
using Ditib.Beratung.Domain.Cases;
using Ditib.Beratung.Domain.Counsellors;

namespace Ditib.Beratung.Application.Cases;

/// <summary>
/// Who may touch a case: only its owning counsellor and those it is shared with. Anyone else gets the same 404 as
/// for a case that does not exist, so an error tells nobody that a case exists; the attempt is audited as denied.
/// </summary>
public sealed class CaseAccess(ICurrentUser currentUser, ICounsellorRepository counsellors, ICaseRepository cases)
{
    public async Task<Counsellor> CurrentCounsellorAsync(CancellationToken cancellationToken) =>
        (currentUser.Id is { } userId ? await counsellors.FindByUserAsync(userId, cancellationToken) : null)
            ?? throw new ForbiddenException("This account is not linked to a counsellor profile.");

    public async Task<(Case Case, Counsellor Counsellor)> OpenReadableAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var counsellor = await CurrentCounsellorAsync(cancellationToken);
        var @case = await cases.GetAsync(caseId, cancellationToken);
        return @case switch
        {
            null => throw new NotFoundException("Case not found."),
            _ when @case.IsReadableBy(counsellor.Id) => (@case, counsellor),
            _ => throw new NotFoundException("Case not found.")
            {
                DeniedAccess = new AuditEvent("case.access-denied", "case", @case.Id.ToString(), AuditOutcomes.Denied),
            },
        };
    }

    /// <summary>Sharing, closing and reopening are for the owner; a counsellor it is shared with gets 403.</summary>
    public async Task<(Case Case, Counsellor Counsellor)> OpenOwnedAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var (@case, counsellor) = await OpenReadableAsync(caseId, cancellationToken);
        return @case.IsOwnedBy(counsellor.Id)
            ? (@case, counsellor)
            : throw new ForbiddenException("Only the counsellor who owns the case can do this.");
    }
}
