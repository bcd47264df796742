using System.Text;
using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Web.Support;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Ditib.Beratung.Web.Pages;

/// <summary>The appointment as an iCalendar file (the same request as <c>GET /api/v1/bookings/{reference}/calendar.ics</c>).</summary>
public sealed class CalendarModel(IMediator mediator, ManageLink manageLink) : BookingPageModel(manageLink)
{
    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        if (Enter(reference, Links.Calendar) is { } early)
        {
            return early;
        }

        try
        {
            var calendar = await mediator.Send(new GetBookingCalendar(Reference, Token), cancellationToken);
            return File(Encoding.UTF8.GetBytes(calendar.Content), "text/calendar; charset=utf-8", calendar.FileName);
        }
        catch (Exception exception) when (exception is Application.Common.NotFoundException or GoneException)
        {
            return ForAccessFailure(exception)!;
        }
    }
}
