using System.Security.Claims;
using Ditib.Beratung.Application.Users;

namespace Ditib.Beratung.Web.Security;

/// <summary>The claims both sign-ins carry (bearer token and staff cookie), named as in a JWT.</summary>
public static class AccountClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>The account's security stamp when the token or cookie was issued.</summary>
    public const string Stamp = "stamp";
}

/// <summary>
/// Checked on every request, for bearer tokens and the staff cookie alike: the account still exists, is active and
/// has the security stamp the credential was issued with (a new password, deactivation or "sign out everywhere"
/// changes it). The roles that count are the account's as stored now, not those written into the credential.
/// </summary>
public static class AccountCheck
{
    /// <summary>The principal with the account's current roles, or null when the credential no longer counts.</summary>
    public static async Task<ClaimsPrincipal?> RefreshAsync(ClaimsPrincipal principal, IUserRepository users, CancellationToken cancellationToken)
    {
        var user = Guid.TryParse(principal.FindFirstValue(AccountClaims.Subject), out var id)
            ? await users.GetAsync(id, cancellationToken)
            : null;
        if (user is null || !user.Active || user.SecurityStamp != principal.FindFirstValue(AccountClaims.Stamp))
        {
            return null;
        }

        var identity = new ClaimsIdentity(principal.Claims.Where(c => c.Type != AccountClaims.Role), principal.Identity!.AuthenticationType,
            AccountClaims.Name, AccountClaims.Role);
        identity.AddClaims(user.Roles.Select(role => new Claim(AccountClaims.Role, role)));
        return new ClaimsPrincipal(identity);
    }
}
