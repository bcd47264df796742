using Ditib.Beratung.Domain.Bookings;
using NodaTime;

namespace Ditib.Beratung.Application.Bookings;

/// <summary>
/// A booking with what is stored beside the domain state: the token hash, the sealed personal data, and the manage
/// token sealed for the links of later messages (null when no message can reach the resident).
/// </summary>
public sealed record BookingRecord(
    Booking Booking,
    byte[] TokenHash,
    Guid DataKeyId,
    byte[] SealedPersonalData,
    string Language,
    string Topic,
    bool InterpreterNeeded,
    BookedBy BookedBy,
    string PrivacyNoticeVersion,
    Instant ConsentAt,
    Instant CreatedAt,
    byte[]? SealedManageToken = null);

public interface IBookingRepository
{

    Task<BookingRecord?> GetAsync(string reference, CancellationToken cancellationToken);

    Task<BookingRecord?> GetByIdAsync(Guid id, CancellationToken cancellationToken);

    Task<bool> ReferenceExistsAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Inserts a booking, complete; a full or cancelled slot is a conflict, even if the caller's check missed it.</summary>
    Task AddAsync(BookingRecord record, CancellationToken cancellationToken);

    /// <summary>Stores status, reason, sequence and slot; moving into a full slot is a conflict.</summary>
    Task UpdateAsync(Booking booking, CancellationToken cancellationToken);

    /// <summary>All bookings of these slots, any status, in the order they were made.</summary>
    Task<IReadOnlyList<BookingRecord>> ForSlotsAsync(IReadOnlyCollection<Guid> slotIds, CancellationToken cancellationToken);

    Task<IReadOnlyList<Booking>> ActiveForSlotAsync(Guid slotId, CancellationToken cancellationToken);
}

public interface ICalendarRenderer
{
    /// <summary>An iCalendar (RFC 5545) file for the appointment: METHOD:REQUEST, or METHOD:CANCEL once cancelled.</summary>
    string Render(CalendarEvent calendarEvent);
}

/// <summary>
/// One appointment as a calendar entry. <paramref name="Room"/> is the slot's location; <paramref name="AtTheCentre"/>
/// adds the centre's street address to it; <paramref name="AttendeeEmail"/> is the resident's address, when given.
/// </summary>
public sealed record CalendarEvent(
    Guid Uid, int Sequence, bool Cancelled, Instant Start, Instant End, string ZoneId, string Summary, string? Room, bool AtTheCentre,
    string? AttendeeEmail, Instant Stamp);
