using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Messages;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Domain.Bookings;

namespace Ditib.Beratung.Application.Agenda;

/// <summary>
/// What the desk sees of a caller's booking: when, where, with whom, in which language, its state, the name (to make
/// sure the caller is the person who booked) and how the resident is told of a change. Not the concern (that is for
/// the counsellor), not the phone number or e-mail address (the caller is on the line; the message goes out by itself).
/// </summary>
public sealed record DeskBookingDto(
    string Reference,
    string Status,
    SlotDto Slot,
    Guid CounsellorId,
    string Name,
    string Language,
    string Topic,
    bool InterpreterNeeded,
    string BookedBy,
    IReadOnlyList<string> MessageChannels);

/// <summary>
/// Opens a booking for the desk by its reference alone (the staff role is the key, not the manage token): an unknown
/// reference is 404; a booking whose personal data was erased is 410.
/// </summary>
public sealed class DeskBookingAccess(IBookingRepository bookings, ISlotQueries slots, IOutbox outbox, IEnvelopeCipher cipher, CentreSettings settings)
{
    public async Task<(BookingRecord Record, SlotRow Slot)> OpenAsync(string reference, CancellationToken cancellationToken)
    {
        var record = (BookingReference.TryNormalise(reference, out var normalised) ? await bookings.GetAsync(normalised, cancellationToken) : null)
            ?? throw new NotFoundException("No booking with this reference.");
        if (record.SealedPersonalData.Length == 0)
        {
            throw new ErasedException("The personal data of this booking has been erased; the booking can no longer be shown or changed.");
        }

        return (record, (await slots.GetAsync(record.Booking.SlotId, cancellationToken))!);
    }

    public async Task<DeskBookingDto> ShowAsync(BookingRecord record, SlotRow slot, CancellationToken cancellationToken)
    {
        var personal = await PersonalData.OpenAsync(cipher, record, cancellationToken);
        var channels = await outbox.ChannelsOfAsync(record.Booking.Id, cancellationToken);
        return new DeskBookingDto(record.Booking.Reference, record.Booking.Status.ToCode(), slot.ToDto(settings.Zone), slot.CounsellorId,
            personal.Name, record.Language, record.Topic, record.InterpreterNeeded, record.BookedBy.ToString().ToLowerInvariant(), channels);
    }
}
