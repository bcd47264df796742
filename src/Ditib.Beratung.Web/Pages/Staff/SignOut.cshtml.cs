using Ditib.Beratung.Application.Auth;
using Ditib.Beratung.Web.Staff;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Ditib.Beratung.Web.Pages.Staff;

/// <summary>Signing out ends the session on the server (a copy of the cookie is worthless afterwards) and in the browser.</summary>
public sealed class SignOutModel(IMediator mediator) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (StaffClaims.SessionId(User) is { } sessionId)
        {
            await mediator.Send(new EndStaffSession(sessionId), cancellationToken);
        }

        await HttpContext.SignOutAsync(StaffAuthentication.Scheme);
        return LocalRedirect($"{StaffAuthentication.SignInPath}?signedOut=true");
    }
}
