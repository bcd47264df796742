using System.Text.Json.Serialization;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Domain.Bookings;

namespace Ditib.Beratung.Application.Bookings;

public sealed record ConsentDto(string? PrivacyNoticeVersion, bool Accepted);

public sealed record BookingCreatedDto(string Reference, string ManageToken, string Status, SlotDto Slot) : IIdempotencySubject
{
    [JsonIgnore]
    public string IdempotencySubject => SubjectOf(Reference);

    /// <summary>What a stored idempotency answer for this booking is filed under (see <c>PrivacyStore</c> for the SQL form).</summary>
    public static string SubjectOf(string reference) => $"booking:{reference}";
}

public sealed record BookingDto(
    string Reference,
    string Status,
    SlotDto Slot,
    string Name,
    string? Phone,
    string? Email,
    string Language,
    string Topic,
    bool InterpreterNeeded,
    string? Concern,
    string? StatusReason,
    int Sequence)
{
    public static BookingDto From(BookingRecord record, PersonalData personal, SlotDto slot) =>
        new(record.Booking.Reference, record.Booking.Status.ToCode(), slot, personal.Name, personal.Phone, personal.Email,
            record.Language, record.Topic, record.InterpreterNeeded, personal.Concern, record.Booking.StatusReason,
            record.Booking.Sequence);
}
