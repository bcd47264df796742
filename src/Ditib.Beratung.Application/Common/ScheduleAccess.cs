using Ditib.Beratung.Application.Counsellors;
using Ditib.Beratung.Domain.Counsellors;
using Ditib.Beratung.Domain.Users;

namespace Ditib.Beratung.Application.Common;

/// <summary>
/// The per-record rule for hours, slots and agenda: admin and staff act for every counsellor; a counsellor only for
/// their own profile. The endpoint policy has already decided that the caller holds one of these roles.
/// </summary>
public sealed class ScheduleAccess(ICurrentUser currentUser, ICounsellorRepository counsellors)
{
    public bool ActsForEveryone => currentUser.IsSystem || currentUser.IsInRole(Roles.Admin) || currentUser.IsInRole(Roles.Staff);

    /// <summary>Loads the counsellor (404 when unknown) and checks the caller may manage their schedule (403).</summary>
    public async Task<Counsellor> EnsureCanManageAsync(Guid counsellorId, CancellationToken cancellationToken)
    {
        var counsellor = await counsellors.GetAsync(counsellorId, cancellationToken) ?? throw new NotFoundException("Counsellor not found.");
        if (!ActsForEveryone && (counsellor.UserId is null || counsellor.UserId != currentUser.Id))
        {
            throw new ForbiddenException("A counsellor manages only their own hours, slots and agenda.");
        }

        return counsellor;
    }

    /// <summary>The counsellor whose agenda a counsellor-only caller sees: their own, or 403 when they ask for another.</summary>
    public async Task<Guid?> AgendaScopeAsync(Guid? requested, CancellationToken cancellationToken)
    {
        if (ActsForEveryone)
        {
            return requested;
        }

        var own = (currentUser.Id is { } id ? await counsellors.FindByUserAsync(id, cancellationToken) : null)
            ?? throw new ForbiddenException("This account is not linked to a counsellor profile.");
        return requested is null || requested == own.Id
            ? own.Id
            : throw new ForbiddenException("A counsellor sees only their own agenda.");
    }
}
