using Ditib.Beratung.Application.Agenda;
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

/// <summary>An appointment without an outcome as the worklist shows it, in local time.</summary>
public sealed record OpenLine(OpenOutcomeDto Appointment, LocalDateTime Start, LocalDateTime End);

/// <summary>An appointment day of the worklist.</summary>
public sealed record OpenDay(LocalDate Date, IReadOnlyList<OpenLine> Lines);

/// <summary>
/// Offen: past appointments that still have no outcome (<see cref="ListOpenOutcomes"/>), grouped by day, oldest first,
/// each with "attended" / "no-show" right there (<see cref="RecordAttendance"/>). Nothing is marked automatically.
/// </summary>
[Authorize(Roles = Roles.Staff)]
public sealed class OpenModel(IMediator mediator, IStringLocalizer<DeskTexts> texts) : DeskPageModel(mediator, texts)
{
    public IReadOnlyList<OpenDay> Days { get; private set; } = [];

    public bool More { get; private set; }

    public int Shown { get; private set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Done = Outcome(done);
        return await ShowListAsync(StatusCodes.Status200OK, cancellationToken);
    }

    public async Task<IActionResult> OnPostAttendanceAsync(string? reference, string? outcome, CancellationToken cancellationToken)
    {
        var status = await RecordAttendanceAsync(reference, outcome, cancellationToken);
        return status == StatusCodes.Status200OK
            ? this.SeeOther($"{DeskLinks.Open}?done={outcome}")
            : await ShowListAsync(status, cancellationToken);
    }

    private async Task<IActionResult> ShowListAsync(int status, CancellationToken cancellationToken)
    {
        var open = await Mediator.Send(new ListOpenOutcomes(), cancellationToken);
        (More, Shown) = (open.More, open.Items.Count);
        Days = open.Items
            .Select(a => new OpenLine(a, Local(a.Start), Local(a.End)))
            .GroupBy(line => line.Start.Date)
            .Select(g => new OpenDay(g.Key, g.ToList()))
            .ToList();
        return Show(status);
    }

    private static LocalDateTime Local(string offsetDateTime) => Formats.OffsetDateTime.Parse(offsetDateTime).Value.LocalDateTime;
}
