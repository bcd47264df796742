using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Ditib.Beratung.Web.Staff;

/// <summary>
/// Sensitive steps (revealing a client's identity, changing the second factor or password, new recovery codes) want
/// the second factor entered in the last five minutes. The staff cookie carries the instant of the last check
/// (<see cref="StaffClaims.SecondFactorAt"/>); <c>/staff/confirm?returnUrl=…</c> asks for a code and comes back.
/// Use <see cref="RequireFreshSecondFactorAttribute"/> on a page model, or <see cref="Require"/> in a handler.
/// </summary>
public static class FreshSecondFactor
{
    public static readonly Duration MaxAge = Duration.FromMinutes(5);

    public const string ConfirmPath = "/staff/confirm";

    public static bool IsFresh(ClaimsPrincipal user, Instant now) =>
        StaffClaims.SecondFactor(user) is { } at && at <= now && now - at <= MaxAge;

    /// <summary>Null when the second factor is fresh; otherwise a redirect to the confirm page that returns to <paramref name="returnUrl"/> (by default this page, with its query).</summary>
    public static IActionResult? Require(PageModel page, IClock clock, string? returnUrl = null) =>
        IsFresh(page.User, clock.GetCurrentInstant()) ? null : new LocalRedirectResult(ConfirmUrl(returnUrl ?? CurrentUrl(page.HttpContext)));

    public static string ConfirmUrl(string returnUrl) => $"{ConfirmPath}?returnUrl={Uri.EscapeDataString(ReturnUrls.Safe(returnUrl))}";

    internal static string CurrentUrl(HttpContext context) => $"{context.Request.PathBase}{context.Request.Path}{context.Request.QueryString}";
}

/// <summary>
/// On a page model: every handler of the page (showing it included) first asks for a fresh second factor. After a
/// POST was turned away, the confirm page comes back to the page with GET, so the form is shown again.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequireFreshSecondFactorAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var clock = context.HttpContext.RequestServices.GetRequiredService<IClock>();
        if (!FreshSecondFactor.IsFresh(context.HttpContext.User, clock.GetCurrentInstant()))
        {
            context.Result = new LocalRedirectResult(FreshSecondFactor.ConfirmUrl(FreshSecondFactor.CurrentUrl(context.HttpContext)));
            return;
        }

        await next();
    }
}
