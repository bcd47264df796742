using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Domain.Bookings;
using NodaTime;

namespace Ditib.Beratung.Application.Bookings;

/// <summary>
/// Opens a booking with its manage token. An unknown reference and a wrong token get the same 404, so the answer
/// tells nobody whether a reference exists; a right token after the appointment, or after the booking's personal data
/// was erased, gets 410.
/// </summary>
public sealed class BookingAccess(IBookingRepository bookings, ISlotQueries slots, ISecrets secrets, IClock clock)
{
    public async Task<(BookingRecord Record, SlotRow Slot)> OpenAsync(string reference, string? token, CancellationToken cancellationToken)
    {
        var record = BookingReference.TryNormalise(reference, out var normalised) ? await bookings.GetAsync(normalised, cancellationToken) : null;
        if (record is null || !secrets.TokenMatches(token, record.TokenHash))
        {
            throw new NotFoundException("No booking with this reference and token.");
        }

        if (record.SealedPersonalData.Length == 0)
        {
            throw new ErasedException("The personal data of this booking has been erased; the booking can no longer be shown or changed.");
        }

        var slot = (await slots.GetAsync(record.Booking.SlotId, cancellationToken))!;
        Booking.EnsureLinkValid(clock.GetCurrentInstant(), slot.End);
        return (record, slot);
    }
}
