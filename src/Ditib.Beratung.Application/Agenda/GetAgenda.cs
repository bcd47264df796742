using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Counsellors;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Domain.Bookings;
using FluentValidation;
using MediatR;

namespace Ditib.Beratung.Application.Agenda;

/// <summary>
/// The slots with their bookings from <see cref="Date"/> to <see cref="To"/> (the same day when left out), for one
/// counsellor or all (the staff desk's view).
/// </summary>
public sealed record GetAgenda(string? Date, Guid? CounsellorId, string? To = null) : IRequest<IReadOnlyList<AgendaSlotDto>>;

public sealed record AgendaSlotDto(SlotDto Slot, IReadOnlyList<AgendaBookingDto> Bookings);

/// <summary>
/// A booking on the agenda: who to expect and how to reach them. The concern is only for the counsellor of the slot
/// (null for the desk and for anyone else); a cancelled booking shows only its reference and state.
/// </summary>
public sealed record AgendaBookingDto(
    string Reference, string Status, string? Name, string? Phone, string? Email, string Language, string Topic,
    bool InterpreterNeeded, string BookedBy, string? Concern = null);

public sealed class GetAgendaValidator : AbstractValidator<GetAgenda>
{
    public const int MaxDays = 14;

    public GetAgendaValidator()
    {
        RuleFor(a => a.Date).Date();
        RuleFor(a => a.To).Date().When(a => a.To is not null);
        RuleFor(a => a.To)
            .Must((a, to) => Formats.ParseDate(a.Date!) <= Formats.ParseDate(to!)).WithMessage("'to' must not be before 'date'.")
            .Must((a, to) => NodaTime.Period.DaysBetween(Formats.ParseDate(a.Date!), Formats.ParseDate(to!)) < MaxDays)
            .WithMessage($"The agenda spans at most {MaxDays} days.")
            .When(a => Formats.IsDate(a.Date) && Formats.IsDate(a.To));
    }
}

public sealed class GetAgendaHandler(
    ScheduleAccess access, ICurrentUser currentUser, ICounsellorRepository counsellors, ISlotQueries slots, IBookingRepository bookings,
    IEnvelopeCipher cipher, CentreSettings settings)
    : IRequestHandler<GetAgenda, IReadOnlyList<AgendaSlotDto>>
{
    public async Task<IReadOnlyList<AgendaSlotDto>> Handle(GetAgenda request, CancellationToken cancellationToken)
    {
        var from = Formats.ParseDate(request.Date!);
        var to = request.To is null ? from : Formats.ParseDate(request.To);
        var counsellorId = await access.AgendaScopeAsync(request.CounsellorId, cancellationToken);
        // The concern is shown in the caller's own slots only: never to the desk, never to another counsellor.
        var own = currentUser.Id is { } userId ? await counsellors.FindByUserAsync(userId, cancellationToken) : null;
        var days = await slots.SearchAsync(
            new SlotSearch(LocalDates.ToInterval(from, to, settings.Zone), FreeOnly: false, CounsellorId: counsellorId), cancellationToken);
        var records = await bookings.ForSlotsAsync(days.Select(s => s.Id).ToList(), cancellationToken);

        var agenda = new List<AgendaSlotDto>(days.Count);
        foreach (var slot in days)
        {
            var entries = new List<AgendaBookingDto>();
            foreach (var record in records.Where(r => r.Booking.SlotId == slot.Id))
            {
                var cancelled = record.Booking.Status is BookingStatus.CancelledByResident or BookingStatus.CancelledByCentre;
                var erased = record.SealedPersonalData.Length == 0;
                var personal = cancelled || erased ? null : await PersonalData.OpenAsync(cipher, record, cancellationToken);
                var concern = own is not null && slot.CounsellorId == own.Id ? personal?.Concern : null;
                entries.Add(new AgendaBookingDto(record.Booking.Reference, record.Booking.Status.ToCode(), personal?.Name, personal?.Phone,
                    personal?.Email, record.Language, record.Topic, record.InterpreterNeeded, record.BookedBy.ToString().ToLowerInvariant(),
                    concern));
            }

            agenda.Add(new AgendaSlotDto(slot.ToDto(settings.Zone), entries));
        }

        return agenda;
    }
}
