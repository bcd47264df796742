using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Web.Pages.Staff.Hours;
using Ditib.Beratung.Web.Security;
using Ditib.Beratung.Web.Staff;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ditib.Beratung.Web.Pages.Staff.Admin.Users;

/// <summary>
/// A new account (the API's <see cref="CreateUser"/>): user name, roles, and an initial password the admin types or
/// one made here and shown once. Either must be changed at the first sign-in. Wants a fresh second factor.
/// </summary>
[Authorize(Policy = Policies.Admin)]
[RequireFreshSecondFactor]
public sealed class NewModel(IMediator mediator, IStringLocalizer<AdminTexts> texts) : PageModel
{
    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    public string? Password { get; set; }

    public UserDto? Created { get; private set; }

    /// <summary>The initial password, shown this once when the page made it.</summary>
    public string? Generated { get; private set; }

    public FormErrors Errors { get; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var password = string.IsNullOrEmpty(Password) ? InitialPassword.New() : Password;
        try
        {
            Created = await mediator.Send(new CreateUser(Username, password, Roles), cancellationToken);
        }
        catch (Exception exception) when (AdminErrors.IsExpected(exception))
        {
            AdminErrors.Add(Errors, texts, exception, FieldOf);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Generated = string.IsNullOrEmpty(Password) ? password : null;
        Password = null;
        return Page();
    }

    private static (string?, string) FieldOf(string property) => property switch
    {
        "username" => ("user-username", "Admin_Error_Username"),
        "conflict" => ("user-username", "Admin_Error_UsernameTaken"),
        "roles" => ("user-roles", "Admin_Error_Roles"),
        "password" => ("user-password", "Admin_Error_Password"),
        _ => (null, "Admin_Error_General"),
    };
}
