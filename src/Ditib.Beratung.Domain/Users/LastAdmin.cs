using Ditib.Beratung.Domain.Common;

namespace Ditib.Beratung.Domain.Users;

/// <summary>
/// The centre always keeps at least one active admin: without one, nobody could create accounts, unlock them or reset
/// a second factor, and only the server's command line could help. Checked before an account is deactivated or loses
/// the admin role.
/// </summary>
public static class LastAdmin
{
    /// <summary>Refuses when <paramref name="user"/> is the only active admin among <paramref name="accounts"/>.</summary>
    public static void EnsureOthersRemain(User user, IEnumerable<User> accounts)
    {
        if (user.Active && user.IsIn(Roles.Admin)
            && !accounts.Any(other => other.Id != user.Id && other.Active && other.IsIn(Roles.Admin)))
        {
            throw new DomainRuleException("This is the last active admin; make another account admin first.", "id");
        }
    }
}
