using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Privacy;
using Ditib.Beratung.Web.Security;
using Ditib.Beratung.Web.Staff;
using Ditib.Beratung.Web.Support;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Ditib.Beratung.Web.Pages.Staff.Dpo;

/// <summary>
/// Aufbewahrung: what retention would delete now (<see cref="RunRetention"/> as a dry run, the rule the daily job
/// runs), then the run itself, which wants a fresh second factor. The result is shown by its counts; while another run
/// is going on (another instance's daily job, the command line) the run is refused and the page says so (409).
/// </summary>
[Authorize(Policy = Policies.Dpo)]
public sealed class RetentionModel(IMediator mediator, IClock clock, RetentionSettings settings) : PageModel
{
    public const string Path = "/staff/dpo/retention";

    public RetentionSettings Settings => settings;

    public RetentionReport? Preview { get; private set; }

    /// <summary>The counts of the run just made (bookings, cases, stored answers), from the address after the run.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Done { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Bookings { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Cases { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Answers { get; set; }

    /// <summary>The run just asked for was refused: another run is going on now.</summary>
    public bool Running { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Preview = await mediator.Send(new RunRetention(DryRun: true), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (FreshSecondFactor.Require(this, clock, Path) is { } confirm)
        {
            return confirm;
        }

        RetentionReport report;
        try
        {
            report = await mediator.Send(new RunRetention(DryRun: false), cancellationToken);
        }
        catch (AlreadyRunningException)
        {
            Running = true;
            await OnGetAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return this.SeeOther($"{Path}?done=true&bookings={report.Bookings}&cases={report.Cases.Count}&answers={report.IdempotencyKeys}");
    }
}
