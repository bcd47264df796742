using Ditib.Beratung.Web.Staff;
using Ditib.Beratung.Web.Support;
using Microsoft.AspNetCore.Mvc;

namespace Ditib.Beratung.Web.Pages.Staff;

/// <summary>
/// The role switcher for people with several roles (the header's form posts here; the page itself works without the
/// header too): remembers the chosen role in this browser (<see cref="StaffRoles"/>) and goes to its home page. It
/// changes where the person lands and which navigation group comes first, never what they may open.
/// </summary>
public sealed class RoleModel : PageModel
{
    public IReadOnlyList<string> Held { get; private set; } = [];

    public string? Current { get; private set; }

    public void OnGet()
    {
        Held = StaffRoles.Of(User);
        Current = StaffRoles.Current(HttpContext);
    }

    public IActionResult OnPost(string? role)
    {
        if (role is null || !StaffRoles.Of(User).Contains(role, StringComparer.Ordinal))
        {
            // Only a role the person holds can be chosen; anything else is a tampered form.
            return BadRequest();
        }

        StaffRoles.Remember(HttpContext, role);
        return this.SeeOther(StaffRoles.Home(role));
    }
}
