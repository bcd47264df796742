using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Messages;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Domain.Bookings;
using Ditib.Beratung.Domain.Scheduling;
using NodaTime;

namespace Ditib.Beratung.Application.Bookings;

/// <summary>
/// The one way a resident's booking is cancelled or moved, whoever asks: the resident with the link
/// (<see cref="CancelBooking"/>, <see cref="RescheduleBooking"/>) or the desk on the resident's behalf
/// (<c>Agenda.CancelBookingForCaller</c>, <c>Agenda.RescheduleBookingForCaller</c>). The domain decides with the
/// <see cref="ChangeWindow"/> of who asks; the resident gets the same message either way. Returns the slot the booking
/// is in afterwards, freshly loaded.
/// </summary>
public sealed class BookingChanges(
    IBookingRepository bookings, ISlotRepository slotRepository, ISlotQueries slots, IClock clock, BookingMessages messages,
    IIdempotencyStore idempotency)
{
    public async Task<SlotRow> CancelAsync(BookingRecord record, SlotRow slot, ChangeWindow window, string? reason,
        CancellationToken cancellationToken)
    {
        record.Booking.CancelByResident(clock.GetCurrentInstant(), slot.Start, window, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        await bookings.UpdateAsync(record.Booking, cancellationToken);
        await messages.CancelledAsync(record.Booking, cancellationToken);
        await idempotency.ForgetAsync(BookingCreatedDto.SubjectOf(record.Booking.Reference), cancellationToken);
        return (await slots.GetAsync(slot.Id, cancellationToken))!;
    }

    /// <param name="minimumNotice">How soon the new slot may start: the centre's notice online, none at the desk (as for booking).</param>
    public async Task<SlotRow> MoveAsync(BookingRecord record, SlotRow current, Guid targetSlotId, ChangeWindow window, Duration minimumNotice,
        CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var target = await slotRepository.GetAsync(targetSlotId, cancellationToken) ?? throw new NotFoundException("Slot not found.");
        if (target.Id != current.Id)
        {
            target.EnsureBookable(new PlaceRequest(record.Topic, record.Language, record.InterpreterNeeded, minimumNotice), now);
        }

        record.Booking.MoveTo(target.Id, now, current.Start, window);
        await bookings.UpdateAsync(record.Booking, cancellationToken);
        await messages.RescheduledAsync(record.Booking, target.Start, cancellationToken);
        return (await slots.GetAsync(target.Id, cancellationToken))!;
    }
}
