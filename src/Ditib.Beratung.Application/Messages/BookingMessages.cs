using System.Text;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Bookings;
using NodaTime;

namespace Ditib.Beratung.Application.Messages;

/// <summary>
/// Queues the messages a booking change owes the resident, inside the command's write transaction: one per channel
/// the resident can be reached on (e-mail if given; SMS if a phone is given and a provider is set up), plus a
/// reminder at the configured lead before the start unless the booking is already inside that window. Later messages
/// go to the channels of the confirmation. Moving a booking replaces its reminder; cancelling cancels it. A booking
/// with no channel queues nothing and keeps no copy of its token (<see cref="SealManageTokenAsync"/>).
/// </summary>
public sealed class BookingMessages(IOutbox outbox, IEnvelopeCipher cipher, MessageSettings settings, IClock clock)
{
    public static string TokenContext(Guid bookingId) => $"booking:{bookingId}:manage-token";

    /// <summary>
    /// The manage token sealed under the booking's data key, for the links of later messages, to be stored with the
    /// booking; null when no message can reach the resident (then no copy of the token is kept).
    /// </summary>
    public async Task<byte[]?> SealManageTokenAsync(
        Guid bookingId, Guid dataKeyId, string manageToken, bool hasEmail, bool hasPhone, CancellationToken cancellationToken) =>
        MessageChannels.For(hasEmail, hasPhone, settings.SmsEnabled).Count == 0
            ? null
            : await cipher.EncryptAsync(dataKeyId, Encoding.UTF8.GetBytes(manageToken), TokenContext(bookingId), cancellationToken);

    public async Task BookedAsync(Booking booking, Instant slotStart, bool hasEmail, bool hasPhone, CancellationToken cancellationToken)
    {
        var channels = MessageChannels.For(hasEmail, hasPhone, settings.SmsEnabled);
        if (channels.Count > 0)
        {
            await outbox.EnqueueAsync([.. Messages(booking, MessageKinds.Confirmation, channels), .. Reminders(booking, slotStart, channels)],
                cancellationToken);
        }
    }

    public async Task RescheduledAsync(Booking booking, Instant slotStart, CancellationToken cancellationToken)
    {
        await outbox.CancelPendingRemindersAsync(booking.Id, clock.GetCurrentInstant(), cancellationToken);
        var channels = await outbox.ChannelsOfAsync(booking.Id, cancellationToken);
        await outbox.EnqueueAsync([.. Messages(booking, MessageKinds.Reschedule, channels), .. Reminders(booking, slotStart, channels)],
            cancellationToken);
    }

    /// <summary>
    /// Cancelled by the resident or by the centre; the dispatcher words it after the booking's status. Returns the
    /// channels the message was queued on (none: the resident cannot be told by message).
    /// </summary>
    public async Task<IReadOnlyList<string>> CancelledAsync(Booking booking, CancellationToken cancellationToken)
    {
        await outbox.CancelPendingRemindersAsync(booking.Id, clock.GetCurrentInstant(), cancellationToken);
        var channels = await outbox.ChannelsOfAsync(booking.Id, cancellationToken);
        await outbox.EnqueueAsync(Messages(booking, MessageKinds.Cancellation, channels), cancellationToken);
        return channels;
    }

    private List<OutboxMessage> Messages(Booking booking, string kind, IReadOnlyList<string> channels)
    {
        var now = clock.GetCurrentInstant();
        return channels
            .Select(channel => new OutboxMessage(Guid.CreateVersion7(), booking.Id, kind, channel, booking.SlotId, booking.Sequence, now, now))
            .ToList();
    }

    /// <summary>None for a booking made or moved inside the reminder window: it has just been told everything.</summary>
    private List<OutboxMessage> Reminders(Booking booking, Instant slotStart, IReadOnlyList<string> channels)
    {
        var now = clock.GetCurrentInstant();
        var due = slotStart - settings.ReminderLead;
        return now >= due
            ? []
            : channels
                .Select(channel => new OutboxMessage(Guid.CreateVersion7(), booking.Id, MessageKinds.Reminder, channel, booking.SlotId, booking.Sequence,
                    due, now))
                .ToList();
    }
}
