using System.Globalization;
using System.Security.Claims;
using Ditib.Beratung.Web.Security;
using NodaTime;

namespace Ditib.Beratung.Web.Staff;

/// <summary>The staff cookie's claims beyond <see cref="AccountClaims"/>: the session, its start and the last second factor.</summary>
public static class StaffClaims
{
    /// <summary>The server-side session (<c>staff_session.id</c>); new at every sign-in.</summary>
    public const string Session = "sid";

    /// <summary>When the session began (Unix milliseconds); the absolute limit counts from here.</summary>
    public const string SessionStart = "session_start";

    /// <summary>When the second factor was last entered (Unix milliseconds), at sign-in or on the confirm page.</summary>
    public const string SecondFactorAt = "mfa_at";

    public static ClaimsPrincipal Create(Guid userId, string username, IEnumerable<string> roles, string securityStamp, Guid sessionId,
        Instant sessionStart, Instant? secondFactorAt)
    {
        var claims = new List<Claim>
        {
            new(AccountClaims.Subject, userId.ToString("D")),
            new(AccountClaims.Name, username),
            new(AccountClaims.Stamp, securityStamp),
            new(Session, sessionId.ToString("D")),
            new(SessionStart, Milliseconds(sessionStart)),
        };
        if (secondFactorAt is { } at)
        {
            claims.Add(new Claim(SecondFactorAt, Milliseconds(at)));
        }

        claims.AddRange(roles.Select(role => new Claim(AccountClaims.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, StaffAuthentication.Scheme, AccountClaims.Name, AccountClaims.Role));
    }

    /// <summary>The same principal with the second factor entered at <paramref name="at"/>.</summary>
    public static ClaimsPrincipal WithSecondFactor(ClaimsPrincipal principal, Instant at)
    {
        var identity = new ClaimsIdentity(principal.Claims.Where(c => c.Type != SecondFactorAt), StaffAuthentication.Scheme,
            AccountClaims.Name, AccountClaims.Role);
        identity.AddClaim(new Claim(SecondFactorAt, Milliseconds(at)));
        return new ClaimsPrincipal(identity);
    }

    public static Guid? SessionId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(Session), out var id) ? id : null;

    public static Instant? Started(ClaimsPrincipal principal) => InstantOf(principal, SessionStart);

    public static Instant? SecondFactor(ClaimsPrincipal principal) => InstantOf(principal, SecondFactorAt);

    private static Instant? InstantOf(ClaimsPrincipal principal, string type) =>
        long.TryParse(principal.FindFirstValue(type), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? Instant.FromUnixTimeMilliseconds(ms)
            : null;

    private static string Milliseconds(Instant instant) => instant.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
