using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Ditib.Beratung.Web.Staff;

/// <summary>
/// On a page of the sign-in's later steps (anonymous to the folder policy): the request's user is the pending sign-in
/// waiting for <see cref="Step"/> (or, with <see cref="OrStaffSession"/>, a staff session), set before the antiforgery
/// check so that the form's token and its post name the same user. Anyone else goes back to the sign-in page.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PendingSignInAttribute(string step) : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public string Step { get; } = step;

    /// <summary>A signed-in staff session may use the page too (setting up the second factor again).</summary>
    public bool OrStaffSession { get; init; }

    /// <summary>Before the antiforgery check (order 1000).</summary>
    public int Order => -1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (OrStaffSession && (await http.AuthenticateAsync(StaffAuthentication.Scheme)).Principal is { } user)
        {
            http.User = user;
            return;
        }

        if (await StaffAuthentication.PendingAsync(http, Step) is null)
        {
            var returnUrl = ReturnUrls.Safe(http.Request.Query["returnUrl"]);
            context.Result = new LocalRedirectResult($"{StaffAuthentication.SignInPath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
        }
    }
}
