using Microsoft.AspNetCore.Mvc;

namespace Ditib.Beratung.Web.Pages.Staff;

/// <summary>
/// Answers 204 to a signed-in request and so renews the idle limit (the staff cookie is renewed on every request).
/// The session warning's script calls it when the user chooses to stay, and while the user is typing, so a note being
/// written does not run into the idle end. An ended session gets the usual redirect to the sign-in page.
/// </summary>
public sealed class KeepAliveModel : PageModel
{
    public IActionResult OnGet() => new NoContentResult();
}
