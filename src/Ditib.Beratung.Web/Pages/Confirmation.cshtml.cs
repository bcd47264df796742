using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Web.Support;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Ditib.Beratung.Web.Pages;

/// <summary>Step 4: reference, date and place, calendar file, and the personal manage link to keep.</summary>
public sealed class ConfirmationModel(IMediator mediator, SlotFinder finder, ReferenceNames names, ManageLink manageLink)
    : BookingPageModel(manageLink)
{
    public BookingDetails? Details { get; private set; }

    public string PersonalLink { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        if (Enter(reference, Links.Confirmation) is { } early)
        {
            return early;
        }

        try
        {
            var booking = await mediator.Send(new GetBooking(Reference, Token), cancellationToken);
            Details = await DetailsAsync(booking, finder, names, cancellationToken);
            PersonalLink = ManageLink.PersonalLink(Request, Reference, Token!);
            return Page();
        }
        catch (Exception exception) when (exception is Application.Common.NotFoundException or GoneException)
        {
            return ForAccessFailure(exception)!;
        }
    }
}
