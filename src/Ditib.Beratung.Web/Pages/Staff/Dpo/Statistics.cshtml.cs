using System.Text;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Statistics;
using Ditib.Beratung.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;

namespace Ditib.Beratung.Web.Pages.Staff.Dpo;

/// <summary>
/// Statistik: the API's anonymous figures (<see cref="GetStatistics"/>, audited) for a range of whole months, with
/// counts of 1–4 shown as "&lt;5" and withheld totals as "–" exactly as the API publishes them, and the same CSV.
/// For the roles of the API's statistics policy (admin, dpo).
/// </summary>
[Authorize(Policy = Policies.Statistics)]
public sealed class StatisticsModel(IMediator mediator, DpoErrors errors, IClock clock, CentreSettings centre) : PageModel
{
    public const string Path = "/staff/dpo/statistics";

    private static readonly YearMonthPattern Month = YearMonthPattern.CreateWithInvariantCulture("uuuu'-'MM");

    public DpoErrors Errors => errors;

    /// <summary>The first month, <c>yyyy-MM</c> (a month field); by default two months before <see cref="To"/>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    /// <summary>The last month, <c>yyyy-MM</c>; by default the last whole month.</summary>
    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public StatisticsDto? Statistics { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (statistics, status) = await LoadAsync(cancellationToken);
        Statistics = statistics;
        Response.StatusCode = status;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var (statistics, status) = await LoadAsync(cancellationToken);
        if (statistics is null)
        {
            Response.StatusCode = status;
            return Page();
        }

        return File(Encoding.UTF8.GetBytes(statistics.ToCsv()), "text/csv; charset=utf-8", $"statistik-{statistics.From}-{statistics.To}.csv");
    }

    public string CsvLink => $"{Path}?handler=csv&from={Uri.EscapeDataString(From ?? "")}&to={Uri.EscapeDataString(To ?? "")}";

    private async Task<(StatisticsDto? Statistics, int Status)> LoadAsync(CancellationToken cancellationToken)
    {
        var lastWhole = clock.GetCurrentInstant().InZone(centre.Zone).Date.ToYearMonth().PlusMonths(-1);
        To ??= Month.Format(lastWhole);
        From ??= Month.Format(lastWhole.PlusMonths(-2));
        var from = Month.Parse(From.Trim());
        var to = Month.Parse(To.Trim());
        if (!from.Success)
        {
            errors.Add("from", "Dpo_Error_Month");
        }

        if (!to.Success)
        {
            errors.Add("to", "Dpo_Error_Month");
        }

        if (errors.Any)
        {
            return (null, StatusCodes.Status400BadRequest);
        }

        return await errors.TryAsync(() => mediator.Send(
            new GetStatistics(Formats.Date.Format(from.Value.OnDayOfMonth(1)), Formats.Date.Format(to.Value.OnDayOfMonth(1).PlusMonths(1).PlusDays(-1))),
            cancellationToken));
    }

    /// <summary>A code (status, state) in the page's language where a text exists for it, else the code.</summary>
    public static string Label(Microsoft.Extensions.Localization.IStringLocalizer texts, string code) =>
        texts[$"Statistics_Value_{code}"] is { ResourceNotFound: false } found ? found.Value : code;
}
