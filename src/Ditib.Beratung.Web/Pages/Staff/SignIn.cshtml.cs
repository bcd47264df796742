using Ditib.Beratung.Application.Auth;
using Ditib.Beratung.Web.Staff;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Ditib.Beratung.Web.Pages.Staff;

/// <summary>
/// Signing in to the staff workspace. Every kind of failure gets the same answer. A complete sign-in starts a new
/// server-side session and goes back to the page the user came from (<see cref="ReturnUrl"/>, only within /staff).
/// </summary>
public sealed class SignInModel(IMediator mediator, IClock clock) : PageModel
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
            result = new Application.Auth.SignInResult(null);
        }

        if (result.Account is not { } account)
        {
            Failed = true;
            Password = null;
            return Page();
        }

        var now = clock.GetCurrentInstant();
        var sessionId = await mediator.Send(new StartStaffSession(account.Id), cancellationToken);
        await StaffAuthentication.SignInAsync(HttpContext, account, sessionId, now, secondFactorAt: now);
        return LocalRedirect(ReturnUrls.Safe(ReturnUrl));
    }
}
