using Ditib.Beratung.Application.Auth;
using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Web.Staff;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Ditib.Beratung.Web.Pages.Staff;

/// <summary>
/// "Konto": change the password, set up the second factor again, new recovery codes (each wants a second factor
/// entered in the last five minutes) and sign out everywhere (a new security stamp ends every session and token).
/// </summary>
public sealed class AccountModel(IMediator mediator, IClock clock) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    public string? ErrorField { get; private set; }

    public bool PasswordChanged { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken cancellationToken)
    {
        if (FreshSecondFactor.Require(this, clock, "/staff/account") is { } confirm)
        {
            return confirm;
        }

        try
        {
            await mediator.Send(new ChangePassword(CurrentPassword, NewPassword), cancellationToken);
        }
        catch (Exception exception) when (exception is DomainRuleException or ValidationException)
        {
            ErrorField = PasswordErrors.FieldOf(exception);
            return Page();
        }

        await StaffAuthentication.RenewSessionAsync(HttpContext, mediator);
        PasswordChanged = true;
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken cancellationToken)
    {
        if (FreshSecondFactor.Require(this, clock, "/staff/account") is { } confirm)
        {
            return confirm;
        }

        RecoveryCodes = (await mediator.Send(new NewRecoveryCodes(), cancellationToken)).RecoveryCodes;
        return Page();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new SignOutEverywhere(), cancellationToken);
        if (StaffClaims.SessionId(User) is { } sessionId)
        {
            await mediator.Send(new EndStaffSession(sessionId), cancellationToken);
        }

        await HttpContext.SignOutAsync(StaffAuthentication.Scheme);
        return LocalRedirect($"{StaffAuthentication.SignInPath}?signedOut=true");
    }
}
