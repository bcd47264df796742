using System.Security.Claims;
using Ditib.Beratung.Domain.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ditib.Beratung.Web.Staff;

/// <summary>
/// Each role's home page, and the role a person works in now (their "current role"): the one they last chose with the
/// switcher, kept in a small cookie, if they still hold it; else the first of theirs in <see cref="Order"/>. The current
/// role decides only where the sign-in lands and which navigation group comes first; every page is still authorised by
/// the roles of the session, so the cookie can never open anything.
/// </summary>
public static class StaffRoles
{
    /// <summary>The cookie's name; plain-HTTP Development cannot keep a <c>__Host-</c> cookie (see <see cref="StaffAuthentication"/>).</summary>
    public const string CookieName = "__Host-beratung-role";

    public const string DevelopmentCookieName = "beratung-role";

    /// <summary>The default order: the daily work first (the counsellor's day, then the desk), the occasional roles last.</summary>
    public static readonly IReadOnlyList<string> Order = [Roles.Counsellor, Roles.Staff, Roles.Dpo, Roles.Admin];

    private static readonly TimeSpan Remembered = TimeSpan.FromDays(365);

    /// <summary>Where a role lands: Mein Tag, the desk's day, the DPO's and the admin's start pages.</summary>
    public static string Home(string role) => role switch
    {
        Roles.Counsellor => "/staff",
        Roles.Staff => "/staff/today",
        Roles.Dpo => "/staff/dpo",
        Roles.Admin => "/staff/admin",
        _ => "/staff/account",
    };

    /// <summary>The person's roles in <see cref="Order"/>.</summary>
    public static IReadOnlyList<string> Of(ClaimsPrincipal user) => Order.Where(user.IsInRole).ToList();

    /// <summary>The chosen role if the person holds it, else their first role in <see cref="Order"/>; null without any.</summary>
    public static string? Choose(IEnumerable<string> roles, string? chosen)
    {
        var held = Order.Where(roles.Contains).ToList();
        return chosen is not null && held.Contains(chosen, StringComparer.Ordinal) ? chosen : held.FirstOrDefault();
    }

    /// <summary>The signed-in person's current role (null for someone without a role of the centre).</summary>
    public static string? Current(HttpContext context) => Choose(Of(context.User), Chosen(context));

    /// <summary>The home page of the person's current role.</summary>
    public static string CurrentHome(HttpContext context) => Home(Current(context) ?? "");

    /// <summary>The role last chosen in this browser, as the cookie says (not yet checked against anyone's roles).</summary>
    public static string? Chosen(HttpContext context) => context.Request.Cookies[NameFor(context)];

    /// <summary>Remembers the chosen role in this browser: the role's code only, nothing about the person.</summary>
    public static void Remember(HttpContext context, string role)
    {
        var development = IsDevelopment(context);
        context.Response.Cookies.Append(development ? DevelopmentCookieName : CookieName, role, new CookieOptions
        {
            HttpOnly = true,
            Secure = !development || context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            IsEssential = true,
            MaxAge = Remembered,
        });
    }

    private static string NameFor(HttpContext context) => IsDevelopment(context) ? DevelopmentCookieName : CookieName;

    private static bool IsDevelopment(HttpContext context) => context.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment();
}
