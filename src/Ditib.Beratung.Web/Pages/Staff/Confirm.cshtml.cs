using Ditib.Beratung.Application.Auth;
using Ditib.Beratung.Web.Staff;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Ditib.Beratung.Web.Pages.Staff;

/// <summary>
/// Asks for a code of the second factor before a sensitive step and goes back to it (see <see cref="FreshSecondFactor"/>).
/// A wrong code counts like a wrong password.
/// </summary>
public sealed class ConfirmModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Failed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await StaffAuthentication.VerifyCodeAsync(mediator, Code, cancellationToken);
        if (result is not { Outcome: SignInOutcome.SignedIn, Account.SecondFactorAt: { } at })
        {
            Failed = true;
            return Page();
        }

        await HttpContext.SignInAsync(StaffAuthentication.Scheme, StaffClaims.WithSecondFactor(User, at),
            new AuthenticationProperties { IsPersistent = false });
        return LocalRedirect(ReturnUrls.Safe(ReturnUrl));
    }
}
