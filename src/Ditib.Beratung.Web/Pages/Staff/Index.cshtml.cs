using Ditib.Beratung.Application.Agenda;
using Ditib.Beratung.Application.Cases;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Web.Staff;
using Ditib.Beratung.Web.Support;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Ditib.Beratung.Web.Pages.Staff;

/// <summary>One booking of the day as the page shows it.</summary>
public sealed record DayBooking(AgendaBookingDto Booking, string Language, string Topic, bool Begun)
{
    public bool Confirmed => Booking.Status == "confirmed";

    public bool Active => Booking.Status is "confirmed" or "attended";
}

public sealed record DaySlot(SlotView Slot, IReadOnlyList<DayBooking> Bookings, int Free);

public sealed record DayAgenda(LocalDate Date, IReadOnlyList<DaySlot> Slots);

/// <summary>
/// Mein Tag: the counsellor's appointments of the chosen day and the days either side (<see cref="GetAgenda"/>, with
/// the concerns of her own slots); attendance once an appointment has begun (<see cref="RecordAttendance"/>); a case
/// opened from a booking (<see cref="OpenCase"/>). The same requests as the API.
/// </summary>
public sealed class IndexModel(IMediator mediator, CaseErrors errors, SlotFinder finder, ReferenceNames names, IClock clock)
    : CasePageModel(mediator, errors)
{
    public LocalDate Date { get; private set; }

    public LocalDate Today { get; private set; }

    public IReadOnlyList<DayAgenda> Days { get; private set; } = [];

    public string? Done { get; private set; }

    public bool NoProfile { get; private set; }

    public bool IsCounsellor => User.IsInRole(Roles.Counsellor);

    public async Task<IActionResult> OnGetAsync(string? date, string? done, CancellationToken cancellationToken)
    {
        if (!IsCounsellor)
        {
            // The desk, the admin and the data-protection officer have a day of their own: no empty counsellor's day.
            return LocalRedirect(StaffRoles.CurrentHome(HttpContext));
        }

        Done = done is "attended" or "no-show" ? done : null;
        if (date is not null && !Formats.IsDate(date))
        {
            Errors.Add("date", "CaseError_Date");
            return await ShowDaysAsync(null, StatusCodes.Status400BadRequest, cancellationToken);
        }

        return await ShowDaysAsync(date, StatusCodes.Status200OK, cancellationToken);
    }

    public async Task<IActionResult> OnPostAttendanceAsync(string? reference, string? outcome, string? date, CancellationToken cancellationToken)
    {
        if (!IsCounsellor)
        {
            return Forbid();
        }

        var status = await Errors.TryAsync(() => Mediator.Send(new RecordAttendance(outcome) { Reference = reference ?? "" }, cancellationToken),
            "CaseError_AttendanceState", "CaseError_NotBegun");
        return status == StatusCodes.Status200OK
            ? this.SeeOther($"{CaseLinks.DayOf(Parse(date))}&done={outcome}")
            : await ShowDaysAsync(date, status, cancellationToken);
    }

    public async Task<IActionResult> OnPostOpenCaseAsync(string? reference, string? date, CancellationToken cancellationToken)
    {
        if (!IsCounsellor)
        {
            return Forbid();
        }

        CaseCreatedDto? created = null;
        var status = await Errors.TryAsync(async () => created = await Mediator.Send(new OpenCase(reference, null, null), cancellationToken),
            "CaseError_CaseExists");
        return created is not null ? this.SeeOther(CaseLinks.Case(created.Code)) : await ShowDaysAsync(date, status, cancellationToken);
    }

    private LocalDate Parse(string? date) => Formats.IsDate(date) ? Formats.ParseDate(date!) : finder.Today;

    private async Task<IActionResult> ShowDaysAsync(string? date, int status, CancellationToken cancellationToken)
    {
        Today = finder.Today;
        Date = Parse(date);
        var from = Date.PlusDays(-1);
        IReadOnlyList<AgendaSlotDto> agenda;
        try
        {
            agenda = await Mediator.Send(new GetAgenda(Display.Iso(from), null, Display.Iso(Date.PlusDays(1))), cancellationToken);
        }
        catch (ForbiddenException)
        {
            // A counsellor account the admin has not linked to a counsellor profile yet: nothing to show, and it says why.
            NoProfile = true;
            return Page();
        }

        var now = clock.GetCurrentInstant();
        var slots = new List<(LocalDate Day, DaySlot Slot)>();
        foreach (var entry in agenda.Where(e => e.Slot.Status != "cancelled" || e.Bookings.Count > 0))
        {
            var view = finder.ToView(entry.Slot);
            var begun = Formats.OffsetDateTime.Parse(entry.Slot.Start).Value.ToInstant() <= now;
            var bookings = new List<DayBooking>();
            foreach (var booking in entry.Bookings)
            {
                bookings.Add(new DayBooking(booking, await names.LanguageAsync(booking.Language, cancellationToken) ?? booking.Language,
                    await names.TopicAsync(booking.Topic, cancellationToken) ?? booking.Topic, begun));
            }

            slots.Add((view.Start.Date, new DaySlot(view, bookings, entry.Slot.Status == "cancelled" ? 0 : entry.Slot.RemainingCapacity)));
        }

        Days = Enumerable.Range(0, 3).Select(offset => from.PlusDays(offset))
            .Select(day => new DayAgenda(day, slots.Where(s => s.Day == day).Select(s => s.Slot).ToList())).ToList();
        return Show(status);
    }
}
