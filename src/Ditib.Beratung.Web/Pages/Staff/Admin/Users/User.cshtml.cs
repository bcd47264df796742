using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Web.Pages.Staff.Hours;
using Ditib.Beratung.Web.Security;
using Ditib.Beratung.Web.Staff;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace Ditib.Beratung.Web.Pages.Staff.Admin.Users;

/// <summary>
/// One account: its state, and the admin's steps on it (the API's requests): its roles, deactivate or activate, unlock, set a
/// password (to be changed at the next sign-in), reset the second factor, end its sessions. Each step wants a fresh
/// second factor; without one, the confirm page comes back here.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class UserModel(IMediator mediator, ICurrentUser currentUser, IClock clock, CentreSettings settings, IStringLocalizer<AdminTexts> texts)
    : PageModel
{
    public UserDto Account { get; private set; } = null!;

    public bool IsSelf => currentUser.Id == Account.Id;

    public DateTimeZone Zone => settings.Zone;

    /// <summary>The text key of what was just done, shown as a notice.</summary>
    public string? Done { get; private set; }

    /// <summary>A password made by the page, shown this once.</summary>
    public string? Generated { get; private set; }

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken) =>
        RunAsync(id, new SetUserActive(id, false), "UserPage_Deactivated", cancellationToken);

    public Task<IActionResult> OnPostActivateAsync(Guid id, CancellationToken cancellationToken) =>
        RunAsync(id, new SetUserActive(id, true), "UserPage_Activated", cancellationToken);

    public Task<IActionResult> OnPostRolesAsync(Guid id, List<string> roles, CancellationToken cancellationToken) =>
        RunAsync(id, new SetUserRoles(id, roles), "UserPage_RolesSet", cancellationToken, ruleKey: "Admin_Error_LastAdmin");

    public Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken cancellationToken) =>
        RunAsync(id, new UnlockUser(id), "UserPage_Unlocked", cancellationToken);

    public Task<IActionResult> OnPostTwoFactorAsync(Guid id, CancellationToken cancellationToken) =>
        RunAsync(id, new ResetTwoFactor(id), "UserPage_TwoFactorReset", cancellationToken);

    public Task<IActionResult> OnPostSessionsAsync(Guid id, CancellationToken cancellationToken) =>
        RunAsync(id, new EndUserSessions(id), "UserPage_SessionsEnded", cancellationToken);

    public async Task<IActionResult> OnPostPasswordAsync(Guid id, string? password, CancellationToken cancellationToken)
    {
        var chosen = string.IsNullOrEmpty(password) ? InitialPassword.New() : password;
        var result = await RunAsync(id, new ResetPassword(id, chosen), "UserPage_PasswordSet", cancellationToken);
        Generated = Done is not null && string.IsNullOrEmpty(password) ? chosen : null;
        return result;
    }

    /// <summary>Sends a step; <paramref name="ruleKey"/> is the text for the rule about the own and the last admin account.</summary>
    private async Task<IActionResult> RunAsync(Guid id, IRequest<UserDto> step, string done, CancellationToken cancellationToken,
        string ruleKey = "Admin_Error_Deactivate")
    {
        if (FreshSecondFactor.Require(this, clock, $"/staff/admin/users/{id}") is { } confirm)
        {
            return confirm;
        }

        try
        {
            Account = await mediator.Send(step, cancellationToken);
            Done = done;
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (Exception exception) when (AdminErrors.IsExpected(exception))
        {
            AdminErrors.Add(Errors, texts, exception, property => property switch
            {
                "password" => ("user-password", "Admin_Error_Password"),
                "roles" => ("user-roles", "Admin_Error_Roles"),
                "id" => (null, ruleKey),
                "conflict" => (null, "Admin_Error_AlreadyDone"),
                _ => (null, "Admin_Error_General"),
            });
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(id, cancellationToken);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Account = await mediator.Send(new GetUser(id), cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
