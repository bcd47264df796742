using System.Text;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Bookings;
using NodaTime;

namespace Ditib.Beratung.Application.Messages;

/// <summary>
/// Queues the messages a booking change owes the resident, inside the command's write transaction: one per channel
/// (e-mail, SMS), plus a reminder at the configured lead before the start unless the booking is already inside
/// that window. Moving a booking replaces its reminder; cancelling cancels it.
/// </summary>
public sealed class BookingMessages(IOutbox outbox, IEnvelopeCipher cipher, MessageSettings settings, IClock clock)
{
    public static string TokenContext(Guid bookingId) => $"booking:{bookingId}:manage-token";

    public async Task BookedAsync(Booking booking, Guid dataKeyId, string manageToken, Instant slotStart, CancellationToken cancellationToken)
    {
        var sealedToken = await cipher.EncryptAsync(dataKeyId, Encoding.UTF8.GetBytes(manageToken), TokenContext(booking.Id), cancellationToken);
        await outbox.StoreSealedManageTokenAsync(booking.Id, sealedToken, cancellationToken);
        await outbox.EnqueueAsync([.. Messages(booking, MessageKinds.Confirmation), .. Reminders(booking, slotStart)], cancellationToken);
    }

    public async Task RescheduledAsync(Booking booking, Instant slotStart, CancellationToken cancellationToken)
    {
        await outbox.CancelPendingRemindersAsync(booking.Id, clock.GetCurrentInstant(), cancellationToken);
        await outbox.EnqueueAsync([.. Messages(booking, MessageKinds.Reschedule), .. Reminders(booking, slotStart)], cancellationToken);
    }

    /// <summary>Cancelled by the resident or by the centre; the dispatcher words it after the booking's status.</summary>
    public async Task CancelledAsync(Booking booking, CancellationToken cancellationToken)
    {
        await outbox.CancelPendingRemindersAsync(booking.Id, clock.GetCurrentInstant(), cancellationToken);
        await outbox.EnqueueAsync(Messages(booking, MessageKinds.Cancellation), cancellationToken);
    }

    private List<OutboxMessage> Messages(Booking booking, string kind)
    {
        var now = clock.GetCurrentInstant();
        return MessageChannels.All
            .Select(channel => new OutboxMessage(Guid.CreateVersion7(), booking.Id, kind, channel, booking.SlotId, booking.Sequence, now, now))
            .ToList();
    }

    /// <summary>None for a booking made or moved inside the reminder window: it has just been told everything.</summary>
    private List<OutboxMessage> Reminders(Booking booking, Instant slotStart)
    {
        var now = clock.GetCurrentInstant();
        var due = slotStart - settings.ReminderLead;
        return now >= due
            ? []
            : MessageChannels.All
                .Select(channel => new OutboxMessage(Guid.CreateVersion7(), booking.Id, MessageKinds.Reminder, channel, booking.SlotId, booking.Sequence,
                    due, now))
                .ToList();
    }
}
