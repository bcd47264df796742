using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Domain.Users;

namespace Ditib.Beratung.Application.Counsellors;

/// <summary>A counsellor profile links to an existing, active account that holds the counsellor role.</summary>
public sealed class CounsellorAccounts(IUserRepository users)
{
    public async Task EnsureLinkableAsync(Guid? userId, CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            return;
        }

        var user = await users.GetAsync(userId.Value, cancellationToken)
            ?? throw new DomainRuleException("There is no user with this id.", "userId");
        if (!user.IsIn(Roles.Counsellor) || !user.Active)
        {
            throw new DomainRuleException("Only an active account with the counsellor role can be linked to a counsellor profile.", "userId");
        }
    }
}
