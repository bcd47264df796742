using Ditib.Beratung.Web.Staff;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Ditib.Beratung.Web.Pages.Staff;

/// <summary>Asks again before a sensitive step and goes back to it (see <see cref="FreshSecondFactor"/>).</summary>
public sealed class ConfirmModel(IMediator mediator, IClock clock) : PageModel
{
    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Failed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Application.Auth.SignInResult result;
        try
        {
            result = await mediator.Send(new Application.Auth.SignIn(User.Identity!.Name, Password), cancellationToken);
        }
        catch (ValidationException)
        {
            result = new Application.Auth.SignInResult(null);
        }

        if (result.Account is null)
        {
            Failed = true;
            return Page();
        }

        await HttpContext.SignInAsync(StaffAuthentication.Scheme, StaffClaims.WithSecondFactor(User, clock.GetCurrentInstant()),
            new AuthenticationProperties { IsPersistent = false });
        return LocalRedirect(ReturnUrls.Safe(ReturnUrl));
    }
}
