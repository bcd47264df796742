using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Bookings;
using Ditib.Beratung.Domain.Scheduling;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Bookings;

public sealed record GetBookingCalendar(string Reference, string? Token) : IRequest<CalendarFile>;

public sealed record CalendarFile(string Content, string FileName);

public sealed class GetBookingCalendarHandler(
    BookingAccess access, IEnvelopeCipher cipher, ICalendarRenderer renderer, CentreSettings settings, IClock clock)
    : IRequestHandler<GetBookingCalendar, CalendarFile>
{
    private static readonly Dictionary<string, string> Summaries = new(StringComparer.Ordinal)
    {
        ["de"] = "Beratungstermin DITIB Marxloh",
        ["tr"] = "Danışma randevusu DITIB Marxloh",
        ["ar"] = "موعد استشارة DITIB Marxloh",
        ["en"] = "Counselling appointment DITIB Marxloh",
    };

    public async Task<CalendarFile> Handle(GetBookingCalendar request, CancellationToken cancellationToken)
    {
        var (record, slot) = await access.OpenAsync(request.Reference, request.Token, cancellationToken);
        var booking = record.Booking;
        var summary = $"{Summaries.GetValueOrDefault(record.Language, Summaries["de"])} ({booking.Reference})";
        var cancelled = booking.Status is BookingStatus.CancelledByResident or BookingStatus.CancelledByCentre;
        var personal = await PersonalData.OpenAsync(cipher, record, cancellationToken);
        var content = renderer.Render(new CalendarEvent(booking.Id, booking.Sequence, cancelled, slot.Start, slot.End, settings.Zone.Id,
            summary, slot.Location, slot.Mode == SlotMode.InPerson.ToCode(), personal.Email, clock.GetCurrentInstant()));
        return new CalendarFile(content, $"termin-{booking.Reference}.ics");
    }
}
