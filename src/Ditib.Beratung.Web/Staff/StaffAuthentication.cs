using Ditib.Beratung.Application.Auth;
using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Ditib.Beratung.Web.Staff;

/// <summary>
/// The staff pages' cookie sign-in, used only by pages under <c>/staff</c> (the API keeps its bearer tokens and never
/// reads this cookie). The cookie is <c>__Host-</c>, HttpOnly, Secure and SameSite=Strict, and names a server-side
/// session: every request re-reads the account (active, same security stamp), checks that the session was not
/// ended by signing out and that it is younger than the absolute limit, and renews the idle limit.
/// </summary>
public static class StaffAuthentication
{
    public const string Scheme = "staff";

    public const string SignInPath = "/staff/sign-in";

    /// <summary>
    /// The cookie's name. Plain-HTTP Development cannot keep a <c>__Host-</c> cookie (browsers want Secure for the
    /// prefix), so there it is called <see cref="DevelopmentCookieName"/> and is Secure only over HTTPS.
    /// </summary>
    public const string CookieName = "__Host-beratung-staff";

    public const string DevelopmentCookieName = "beratung-staff";

    public static IServiceCollection AddStaffAuthentication(this IServiceCollection services)
    {
        services.AddOptions<StaffSessionOptions>().BindConfiguration(StaffSessionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthentication().AddCookie(Scheme);
        services.AddOptions<CookieAuthenticationOptions>(Scheme)
            .Configure<IOptions<StaffSessionOptions>, IHostEnvironment, IClock>((options, session, environment, clock) =>
            {
                var development = environment.IsDevelopment();
                options.Cookie.Name = development ? DevelopmentCookieName : CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.Path = "/";
                options.Cookie.IsEssential = true;
                options.ExpireTimeSpan = session.Value.Idle;
                // Renewed on every request by the events below, so that the idle limit counts from the last request.
                options.SlidingExpiration = false;
                options.LoginPath = SignInPath;
                options.LogoutPath = "/staff/sign-out";
                options.ReturnUrlParameter = "returnUrl";
                options.TimeProvider = new ClockTimeProvider(clock);
                options.EventsType = typeof(StaffCookieEvents);
            });
        services.AddScoped<StaffCookieEvents>();
        return services;
    }

    /// <summary>Signs the browser in to a new server-side session (after the password and the second factor).</summary>
    public static async Task SignInAsync(HttpContext context, SignedInAccount account, Guid sessionId, Instant now, Instant? secondFactorAt)
    {
        var principal = StaffClaims.Create(account.Id, account.Username, account.Roles, account.SecurityStamp, sessionId, now, secondFactorAt);
        await context.SignInAsync(Scheme, principal, new AuthenticationProperties { IsPersistent = false });
    }
}

/// <summary>The per-request checks of the staff cookie; see <see cref="StaffAuthentication"/>.</summary>
public sealed class StaffCookieEvents(IUserRepository users, IStaffSessionStore sessions, IOptions<StaffSessionOptions> options, IClock clock)
    : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var cancellationToken = context.HttpContext.RequestAborted;
        var principal = context.Principal!;
        var started = StaffClaims.Started(principal);
        var sessionId = StaffClaims.SessionId(principal);
        var current = started is { } start && clock.GetCurrentInstant() < start + Duration.FromTimeSpan(options.Value.Absolute)
            && sessionId is { } id && await sessions.IsActiveAsync(id, cancellationToken)
                ? await AccountCheck.RefreshAsync(principal, users, cancellationToken)
                : null;
        if (current is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(StaffAuthentication.Scheme);
            return;
        }

        context.ReplacePrincipal(current);
        context.ShouldRenew = true;
    }

    /// <summary>A signed-in person without the page's role gets 403 and the staff pages' explanation, not a redirect.</summary>
    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
