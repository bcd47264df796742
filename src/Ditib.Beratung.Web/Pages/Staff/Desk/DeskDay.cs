using Ditib.Beratung.Application.Agenda;
using Ditib.Beratung.Domain.Bookings;
using Ditib.Beratung.Web.Support;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Web.Pages.Staff.Desk;

/// <summary>A booking on the desk's day: no concern and no contact data (the desk's agenda never carries the concern).</summary>
public sealed record DeskBooking(string Reference, string? Name, string Status, string Language, bool InterpreterNeeded)
{
    public bool Confirmed => Status == BookingStatus.Confirmed.ToCode();

    /// <summary>Holds a place: shown on the day list.</summary>
    public bool HoldsAPlace => BookingStatuses.HoldingAPlace.Any(s => s.ToCode() == Status);
}

/// <summary>One slot of a counsellor's day: its bookings, its free places, and whether it has begun.</summary>
public sealed record DeskSlot(SlotView Slot, IReadOnlyList<DeskBooking> Bookings, int Free, bool Cancelled, bool Begun)
{
    /// <summary>The desk books inside the minimum notice, but not once the appointment has begun.</summary>
    public bool Bookable => Free > 0 && !Cancelled && !Begun;
}

/// <summary>A counsellor's column on Heute.</summary>
public sealed record DeskColumn(string Counsellor, IReadOnlyList<DeskSlot> Slots);

/// <summary>
/// The day as the desk sees it, from the same <see cref="GetAgenda"/> as <c>GET /api/v1/agenda</c> (every counsellor):
/// one column per counsellor, slots by start; a cancelled slot only while it still lists bookings.
/// </summary>
public sealed class DeskDay(IMediator mediator, SlotFinder finder, ReferenceNames names, IClock clock)
{
    public LocalDate Today => finder.Today;

    public async Task<IReadOnlyList<DeskColumn>> LoadAsync(LocalDate date, CancellationToken cancellationToken)
    {
        var agenda = await mediator.Send(new GetAgenda(Display.Iso(date), null), cancellationToken);
        var now = clock.GetCurrentInstant();
        var slots = new List<DeskSlot>();
        foreach (var entry in agenda.Where(e => e.Slot.Status != "cancelled" || e.Bookings.Count > 0))
        {
            var cancelled = entry.Slot.Status == "cancelled";
            var bookings = new List<DeskBooking>();
            foreach (var booking in entry.Bookings)
            {
                bookings.Add(new DeskBooking(booking.Reference, booking.Name, booking.Status,
                    await names.LanguageAsync(booking.Language, cancellationToken) ?? booking.Language, booking.InterpreterNeeded));
            }

            var begun = Application.Common.Formats.OffsetDateTime.Parse(entry.Slot.Start).Value.ToInstant() <= now;
            slots.Add(new DeskSlot(finder.ToView(entry.Slot), bookings, cancelled ? 0 : entry.Slot.RemainingCapacity, cancelled, begun));
        }

        return slots.GroupBy(s => s.Slot.Counsellor)
            .Select(g => new DeskColumn(g.Key, g.OrderBy(s => s.Slot.Start).ToList()))
            .OrderBy(c => c.Counsellor, StringComparer.CurrentCulture)
            .ToList();
    }
}
