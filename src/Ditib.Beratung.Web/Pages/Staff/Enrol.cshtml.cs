using Ditib.Beratung.Application.Auth;
using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Web.Staff;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Ditib.Beratung.Web.Pages.Staff;

/// <summary>
/// Setting up the second factor: at the first sign-in (the pending cookie) or again from the account page (a staff
/// session with a fresh second factor). The QR code and the secret as text; the factor counts after one valid code,
/// then the ten recovery codes are shown this once.
/// </summary>
[PendingSignIn(PendingSteps.TwoFactorSetup, OrStaffSession = true)]
public sealed class EnrolModel(IMediator mediator, IClock clock) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string Secret { get; private set; } = "";

    public string QrCode { get; private set; } = "";

    public bool Failed { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string ContinueUrl { get; private set; } = ReturnUrls.Home;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (StaffSessionNeedsConfirmation() is { } confirm)
        {
            return confirm;
        }

        await ShowSetupAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (StaffSessionNeedsConfirmation() is { } confirm)
        {
            return confirm;
        }

        var renewing = User.Identity?.AuthenticationType == StaffAuthentication.Scheme;
        TwoFactorEnabledDto enabled;
        try
        {
            enabled = await mediator.Send(new EnableTwoFactor(Code), cancellationToken);
        }
        catch (Exception exception) when (exception is DomainRuleException or ValidationException)
        {
            Failed = true;
            await ShowSetupAsync(cancellationToken);
            return Page();
        }

        var account = enabled.Account!;
        if (renewing)
        {
            await StaffAuthentication.RenewSessionAsync(HttpContext, mediator);
        }
        else
        {
            await StaffAuthentication.ContinueAsync(HttpContext, mediator, account, ReturnUrl);
        }

        RecoveryCodes = enabled.RecoveryCodes;
        ContinueUrl = account.Requires is { } step ? StaffAuthentication.StepPath(step) : ReturnUrls.Safe(ReturnUrl);
        return Page();
    }

    /// <summary>A staff session replaces a second factor in use, which wants a fresh one; the first sign-in has none yet.</summary>
    private IActionResult? StaffSessionNeedsConfirmation() =>
        User.Identity?.AuthenticationType == StaffAuthentication.Scheme ? FreshSecondFactor.Require(this, clock) : null;

    private async Task ShowSetupAsync(CancellationToken cancellationToken)
    {
        var setup = await mediator.Send(new SetUpTwoFactor(ReuseStarted: true), cancellationToken);
        Secret = setup.Secret;
        QrCode = QrCodes.PngDataUri(setup.OtpauthUri);
    }
}
