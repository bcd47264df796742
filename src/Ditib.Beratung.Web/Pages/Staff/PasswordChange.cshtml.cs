using Ditib.Beratung.Application.Auth;
using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Web.Staff;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Ditib.Beratung.Web.Pages.Staff;

/// <summary>
/// The forced password change: after someone else set the password, the sign-in leads here and nowhere else until
/// the account has a password of its own.
/// </summary>
[PendingSignIn(PendingSteps.PasswordChange)]
public sealed class PasswordChangeModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorField { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var pending = User;
        try
        {
            var token = await mediator.Send(new ChangePassword(CurrentPassword, NewPassword), cancellationToken);
            var account = token.Account! with { SecondFactorAt = StaffClaims.SecondFactor(pending) };
            return await StaffAuthentication.ContinueAsync(HttpContext, mediator, account, ReturnUrl);
        }
        catch (Exception exception) when (exception is DomainRuleException or ValidationException)
        {
            ErrorField = PasswordErrors.FieldOf(exception);
            return Page();
        }
    }
}
