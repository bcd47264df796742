using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Domain.Bookings;
using FluentValidation;
using MediatR;

namespace Ditib.Beratung.Application.Agenda;

/// <summary>A day's slots with their bookings, for one counsellor or all (the staff desk's view).</summary>
public sealed record GetAgenda(string? Date, Guid? CounsellorId) : IRequest<IReadOnlyList<AgendaSlotDto>>;

public sealed record AgendaSlotDto(SlotDto Slot, IReadOnlyList<AgendaBookingDto> Bookings);

/// <summary>
/// A booking on the desk's agenda: who to expect and how to reach them. The concern is for the counsellor, not the
/// desk; a cancelled booking shows only its reference and state.
/// </summary>
public sealed record AgendaBookingDto(
    string Reference, string Status, string? Name, string? Phone, string? Email, string Language, string Topic,
    bool InterpreterNeeded, string BookedBy);

public sealed class GetAgendaValidator : AbstractValidator<GetAgenda>
{
    public GetAgendaValidator() => RuleFor(a => a.Date).Date();
}

public sealed class GetAgendaHandler(ScheduleAccess access, ISlotQueries slots, IBookingRepository bookings, IEnvelopeCipher cipher, CentreSettings settings)
    : IRequestHandler<GetAgenda, IReadOnlyList<AgendaSlotDto>>
{
    public async Task<IReadOnlyList<AgendaSlotDto>> Handle(GetAgenda request, CancellationToken cancellationToken)
    {
        var date = Formats.ParseDate(request.Date!);
        var counsellorId = await access.AgendaScopeAsync(request.CounsellorId, cancellationToken);
        var day = await slots.SearchAsync(
            new SlotSearch(LocalDates.ToInterval(date, date, settings.Zone), FreeOnly: false, CounsellorId: counsellorId), cancellationToken);
        var records = await bookings.ForSlotsAsync(day.Select(s => s.Id).ToList(), cancellationToken);

        var agenda = new List<AgendaSlotDto>(day.Count);
        foreach (var slot in day)
        {
            var entries = new List<AgendaBookingDto>();
            foreach (var record in records.Where(r => r.Booking.SlotId == slot.Id))
            {
                var cancelled = record.Booking.Status is BookingStatus.CancelledByResident or BookingStatus.CancelledByCentre;
                var erased = record.SealedPersonalData.Length == 0;
                var personal = cancelled || erased ? null : await PersonalData.OpenAsync(cipher, record, cancellationToken);
                entries.Add(new AgendaBookingDto(record.Booking.Reference, record.Booking.Status.ToCode(), personal?.Name, personal?.Phone,
                    personal?.Email, record.Language, record.Topic, record.InterpreterNeeded, record.BookedBy.ToString().ToLowerInvariant()));
            }

            agenda.Add(new AgendaSlotDto(slot.ToDto(settings.Zone), entries));
        }

        return agenda;
    }
}
