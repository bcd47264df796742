using Ditib.Beratung.Application.Auth;
using Ditib.Beratung.Web.Staff;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Ditib.Beratung.Web.Pages.Staff;

/// <summary>
/// Signing in, second step: the code from the authenticator app or a recovery code, for the account whose password
/// was right (the pending cookie). A wrong code counts like a wrong password and gets the same answer.
/// </summary>
[PendingSignIn(StaffAuthentication.SecondFactorStep)]
public sealed class SignInCodeModel(IMediator mediator) : PageModel
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
        if (result is { Outcome: SignInOutcome.SignedIn, Account: { } account })
        {
            return await StaffAuthentication.ContinueAsync(HttpContext, mediator, account, ReturnUrl);
        }

        Failed = true;
        return Page();
    }
}
