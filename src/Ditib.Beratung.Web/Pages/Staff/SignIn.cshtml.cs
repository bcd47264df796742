using Ditib.Beratung.Application.Auth;
using Ditib.Beratung.Web.Staff;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Ditib.Beratung.Web.Pages.Staff;

/// <summary>
/// Signing in to the staff workspace, first step: user name and password. Then the code of the second factor
/// (<c>/staff/sign-in/code</c>), or the one step the account must take first (enrolment, a new password). Every kind
/// of failure gets the same answer. A complete sign-in goes back to <see cref="ReturnUrl"/> (only within /staff).
/// </summary>
public sealed class SignInModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool SignedOut { get; set; }

    public bool Failed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Application.Auth.SignInResult result;
        try
        {
            result = await mediator.Send(new Application.Auth.SignIn(Username, Password), cancellationToken);
        }
        catch (ValidationException)
        {
            result = Application.Auth.SignInResult.Failed;
        }

        switch (result)
        {
            case { Outcome: SignInOutcome.SecondFactorRequired, Account: { } waiting }:
                return await StaffAuthentication.AwaitCodeAsync(HttpContext, waiting, ReturnUrl);
            case { Outcome: SignInOutcome.SignedIn, Account: { } account }:
                return await StaffAuthentication.ContinueAsync(HttpContext, mediator, account, ReturnUrl);
            default:
                Failed = true;
                Password = null;
                return Page();
        }
    }
}
