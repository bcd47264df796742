using Ditib.Beratung.Domain.Bookings;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Web.Pages.Staff.Hours;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ditib.Beratung.Web.Pages.Staff.Bookings;

/// <summary>
/// The desk finds a caller's booking by its reference, typed as it is read out (any case, spaces, no dash): a readable
/// reference goes on to its booking page in its canonical form; anything else is answered in the form, not echoed.
/// </summary>
[Authorize(Roles = Roles.Staff)]
public sealed class IndexModel(IStringLocalizer<CallerTexts> texts) : PageModel
{
    public FindForm Form { get; private set; } = new(null, new FormErrors());

    public IActionResult OnGet(string? reference)
    {
        if (reference is null)
        {
            return Page();
        }

        if (BookingReference.TryNormalise(reference, out var canonical))
        {
            return Redirect(BookingModel.Link(canonical));
        }

        var errors = new FormErrors();
        errors.Add("reference", texts["Caller_Error_Reference"]);
        Form = new FindForm(reference.Length <= FindForm.MaxLength ? reference : null, errors);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
