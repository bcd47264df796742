using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Web.Support;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace Ditib.Beratung.Web.Pages.Staff.Desk;

/// <summary>
/// Heute: every counsellor's appointments of a day side by side, free places with a link to book them, and attendance
/// (<c>RecordAttendance</c>, once an appointment has begun). The same requests as the API's agenda.
/// </summary>
[Authorize(Roles = Roles.Staff)]
public sealed class TodayModel(IMediator mediator, SlotFinder finder, ReferenceNames names, IClock clock, IStringLocalizer<DeskTexts> texts)
    : DeskPageModel(mediator, texts)
{
    private readonly DeskDay day = new(mediator, finder, names, clock);

    public LocalDate Date { get; private set; }

    public LocalDate Today => day.Today;

    public IReadOnlyList<DeskColumn> Columns { get; private set; } = [];

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? date, string? done, CancellationToken cancellationToken)
    {
        Done = Outcome(done);
        if (date is not null && !Formats.IsDate(date))
        {
            Errors.Add("date", Texts["Desk_Error_Date"]);
            return await ShowDayAsync(null, StatusCodes.Status400BadRequest, cancellationToken);
        }

        return await ShowDayAsync(date, StatusCodes.Status200OK, cancellationToken);
    }

    public async Task<IActionResult> OnPostAttendanceAsync(string? reference, string? outcome, string? date, CancellationToken cancellationToken)
    {
        var status = await RecordAttendanceAsync(reference, outcome, cancellationToken);
        return status == StatusCodes.Status200OK
            ? this.SeeOther($"{DeskLinks.TodayOf(Parse(date))}&done={outcome}")
            : await ShowDayAsync(date, status, cancellationToken);
    }

    private LocalDate Parse(string? date) => Formats.IsDate(date) ? Formats.ParseDate(date!) : day.Today;

    private async Task<IActionResult> ShowDayAsync(string? date, int status, CancellationToken cancellationToken)
    {
        Date = Parse(date);
        Columns = await day.LoadAsync(Date, cancellationToken);
        return Show(status);
    }
}
