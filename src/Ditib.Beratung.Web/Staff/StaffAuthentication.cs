using System.Globalization;
using System.Security.Claims;
using Ditib.Beratung.Application.Auth;
using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
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

    /// <summary>
    /// The short-lived cookie between the password and a complete sign-in: it names the account and the one step still
    /// to take (<see cref="SecondFactorStep"/>, <see cref="PendingSteps.TwoFactorSetup"/>,
    /// <see cref="PendingSteps.PasswordChange"/>) and opens nothing but the page for that step.
    /// </summary>
    public const string PendingScheme = "staff-pending";

    /// <summary>The password was right; the code of the second factor is still to come.</summary>
    public const string SecondFactorStep = "second-factor";

    public const string SignInPath = "/staff/sign-in";

    /// <summary>
    /// The cookie's name. Plain-HTTP Development cannot keep a <c>__Host-</c> cookie (browsers want Secure for the
    /// prefix), so there it is called <see cref="DevelopmentCookieName"/> and is Secure only over HTTPS.
    /// </summary>
    public const string CookieName = "__Host-beratung-staff";

    public const string DevelopmentCookieName = "beratung-staff";

    private static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(10);

    public static IServiceCollection AddStaffAuthentication(this IServiceCollection services)
    {
        services.AddOptions<StaffSessionOptions>().BindConfiguration(StaffSessionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthentication().AddCookie(Scheme).AddCookie(PendingScheme);
        services.AddOptions<CookieAuthenticationOptions>(Scheme)
            .Configure<IOptions<StaffSessionOptions>, IHostEnvironment, IClock>((options, session, environment, clock) =>
            {
                Configure(options, environment, clock, CookieName, DevelopmentCookieName, session.Value.Idle);
                options.EventsType = typeof(StaffCookieEvents);
            });
        services.AddOptions<CookieAuthenticationOptions>(PendingScheme)
            .Configure<IHostEnvironment, IClock>((options, environment, clock) =>
            {
                Configure(options, environment, clock, CookieName + "-pending", DevelopmentCookieName + "-pending", PendingLifetime);
                options.EventsType = typeof(PendingCookieEvents);
            });
        services.AddScoped<StaffCookieEvents>();
        services.AddScoped<PendingCookieEvents>();
        return services;
    }

    /// <summary>
    /// Checks a code of the second factor for the account signing in or confirming. A malformed code is answered like
    /// a wrong one, so the page never tells which it was.
    /// </summary>
    public static async Task<Application.Auth.SignInResult> VerifyCodeAsync(IMediator mediator, string? code, CancellationToken cancellationToken)
    {
        try
        {
            return await mediator.Send(new VerifySecondFactor(code), cancellationToken);
        }
        catch (FluentValidation.ValidationException)
        {
            return Application.Auth.SignInResult.Failed;
        }
    }

    /// <summary>
    /// After the password (and the code, if any): a complete sign-in starts a new server-side session and returns to
    /// <paramref name="returnUrl"/>, or to the home page of the current role (<see cref="StaffRoles"/>); an account with a step still to take gets the pending cookie and that step's page.
    /// </summary>
    public static async Task<IActionResult> ContinueAsync(HttpContext context, IMediator mediator, SignedInAccount account, string? returnUrl)
    {
        if (account.Requires is { } step)
        {
            return await RedirectToStepAsync(context, account, step, returnUrl);
        }

        await context.SignOutAsync(PendingScheme);
        await StartSessionAsync(context, mediator, account);
        // Asked for no page in particular (or just the workspace): the home page of the person's current role.
        var target = ReturnUrls.Safe(returnUrl);
        return new LocalRedirectResult(target == ReturnUrls.Home
            ? StaffRoles.Home(StaffRoles.Choose(account.Roles, StaffRoles.Chosen(context)) ?? "")
            : target);
    }

    /// <summary>The password was right and the code is still to come (the account has a second factor).</summary>
    public static Task<IActionResult> AwaitCodeAsync(HttpContext context, SignedInAccount account, string? returnUrl) =>
        RedirectToStepAsync(context, account, SecondFactorStep, returnUrl);

    /// <summary>Starts a new server-side session and signs the browser in to it with the staff cookie.</summary>
    public static async Task StartSessionAsync(HttpContext context, IMediator mediator, SignedInAccount account)
    {
        var clock = context.RequestServices.GetRequiredService<IClock>();
        var sessionId = await mediator.Send(new StartStaffSession(account.Id), context.RequestAborted);
        var principal = StaffClaims.Create(account.Id, account.Username, account.Roles, account.SecurityStamp, sessionId,
            clock.GetCurrentInstant(), account.SecondFactorAt);
        await context.SignInAsync(Scheme, principal, new AuthenticationProperties { IsPersistent = false });
    }

    /// <summary>
    /// After the account's security stamp changed (new password, new second factor): the old session ends, a new one
    /// starts with the account as stored now, keeping the instant of the last second factor.
    /// </summary>
    public static async Task RenewSessionAsync(HttpContext context, IMediator mediator)
    {
        var secondFactorAt = StaffClaims.SecondFactor(context.User);
        if (StaffClaims.SessionId(context.User) is { } old)
        {
            await mediator.Send(new EndStaffSession(old), context.RequestAborted);
        }

        var account = await mediator.Send(new GetSignedInAccount(), context.RequestAborted);
        await StartSessionAsync(context, mediator, account with { SecondFactorAt = secondFactorAt });
    }

    /// <summary>
    /// The pending sign-in for <paramref name="step"/>, made the request's user (so the application sees the account),
    /// or null when there is none (or it waits for another step).
    /// </summary>
    public static async Task<ClaimsPrincipal?> PendingAsync(HttpContext context, string step)
    {
        var result = await context.AuthenticateAsync(PendingScheme);
        if (result.Principal is not { } principal || principal.FindFirstValue(AccountClaims.Requires) != step)
        {
            return null;
        }

        context.User = principal;
        return principal;
    }

    public static string StepPath(string step) => step switch
    {
        SecondFactorStep => "/staff/sign-in/code",
        PendingSteps.TwoFactorSetup => "/staff/enrol",
        PendingSteps.PasswordChange => "/staff/password",
        _ => SignInPath,
    };

    private static async Task<IActionResult> RedirectToStepAsync(HttpContext context, SignedInAccount account, string step, string? returnUrl)
    {
        await context.SignInAsync(PendingScheme, PendingPrincipal(account, step), new AuthenticationProperties { IsPersistent = false });
        return new LocalRedirectResult($"{StepPath(step)}?returnUrl={Uri.EscapeDataString(ReturnUrls.Safe(returnUrl))}");
    }

    private static ClaimsPrincipal PendingPrincipal(SignedInAccount account, string step)
    {
        var claims = new List<Claim>
        {
            new(AccountClaims.Subject, account.Id.ToString("D")),
            new(AccountClaims.Name, account.Username),
            new(AccountClaims.Stamp, account.SecurityStamp),
            new(AccountClaims.Requires, step),
        };
        if (account.SecondFactorAt is { } at)
        {
            claims.Add(new Claim(AccountClaims.SecondFactorAt, at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, PendingScheme, AccountClaims.Name, AccountClaims.Role));
    }

    private static void Configure(CookieAuthenticationOptions options, IHostEnvironment environment, IClock clock, string name,
        string developmentName, TimeSpan lifetime)
    {
        var development = environment.IsDevelopment();
        options.Cookie.Name = development ? developmentName : name;
        options.Cookie.HttpOnly = true;
        options.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.Path = "/";
        options.Cookie.IsEssential = true;
        options.ExpireTimeSpan = lifetime;
        // The staff cookie is renewed on every request by its events, so that the idle limit counts from the last
        // request; the pending cookie is never renewed.
        options.SlidingExpiration = false;
        options.LoginPath = SignInPath;
        options.LogoutPath = "/staff/sign-out";
        options.ReturnUrlParameter = "returnUrl";
        options.TimeProvider = new ClockTimeProvider(clock);
    }
}

/// <summary>The pending cookie counts only while the account is unchanged (same security stamp, still active).</summary>
public sealed class PendingCookieEvents(IUserRepository users) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (await AccountCheck.RefreshAsync(context.Principal!, users, context.HttpContext.RequestAborted) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(StaffAuthentication.PendingScheme);
        }
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
