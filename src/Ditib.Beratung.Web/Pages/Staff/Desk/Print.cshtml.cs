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

/// <summary>One line of the printed day list.</summary>
public sealed record DayListLine(SlotView Slot, string? Name, string Counsellor);

/// <summary>
/// The day list for paper: time, name, room and counsellor of every booking that holds a place, by time. Nothing else
/// (no concern, no phone, no e-mail) is put into the page, so nothing else can be printed.
/// </summary>
[Authorize(Roles = Roles.Staff)]
public sealed class PrintModel(IMediator mediator, SlotFinder finder, ReferenceNames names, IClock clock, IStringLocalizer<DeskTexts> texts)
    : DeskPageModel(mediator, texts)
{
    private readonly DeskDay day = new(mediator, finder, names, clock);

    public LocalDate Date { get; private set; }

    public IReadOnlyList<DayListLine> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? date, CancellationToken cancellationToken)
    {
        var valid = date is null || Formats.IsDate(date);
        Date = valid && date is not null ? Formats.ParseDate(date) : day.Today;
        if (!valid)
        {
            Errors.Add(null, Texts["Desk_Error_Date"]);
        }

        Lines = (await day.LoadAsync(Date, cancellationToken))
            .SelectMany(column => column.Slots.Where(s => !s.Cancelled)
                .SelectMany(slot => slot.Bookings.Where(b => b.HoldsAPlace).Select(b => new DayListLine(slot.Slot, b.Name, column.Counsellor))))
            .OrderBy(line => line.Slot.Start).ThenBy(line => line.Counsellor, StringComparer.CurrentCulture)
            .ToList();
        return Show(valid ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}
