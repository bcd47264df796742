using Ditib.Beratung.Domain.Bookings;

namespace Ditib.Beratung.Application.Messages;

/// <summary>
/// Whether a message still tells the truth about its booking. A cancellation is told whatever happened since; a
/// confirmation, change or reminder is superseded once the booking moved, was cancelled or changed again after it was
/// queued. The dispatcher does not send a superseded message and the desk cannot send one again.
/// </summary>
public static class MessageRelevance
{
    public static bool IsSuperseded(string kind, Guid slotId, int sequence, Booking booking) =>
        kind != MessageKinds.Cancellation
        && (booking.Status != BookingStatus.Confirmed || booking.SlotId != slotId || booking.Sequence != sequence);
}
