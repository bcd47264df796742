using System.Text;
using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime.Text;

namespace Ditib.Beratung.Web.Pages.Staff.Dpo;

/// <summary>
/// Protokoll: the audit trail newest first with the API's <see cref="ListAudit"/> (who, action, subject, local dates),
/// page by page down to the very first entry; the whole filtered range as CSV; <see cref="VerifyAudit"/> with the
/// count, number and hash of the last entry to note down, and the check of a noted entry.
/// </summary>
[Authorize(Policy = Policies.Dpo)]
public sealed class AuditModel(IMediator mediator, DpoErrors errors, CentreSettings centre) : PageModel
{
    public const string Path = "/staff/dpo/audit";

    public const int PageSize = 50;

    /// <summary>Entries per request while the CSV collects the whole range (the API's largest page).</summary>
    private const int CsvBatch = 1000;

    public DpoErrors Errors => errors;

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? SubjectType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? SubjectId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    /// <summary>Set by the verify form: recompute the chain, with <see cref="Seq"/> and <see cref="Hash"/> of a noted entry if given.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Verify { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Seq { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Hash { get; set; }

    public AuditPage? Entries { get; private set; }

    public AuditVerification? Verification { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (entries, status) = await errors.TryAsync(() => mediator.Send(Query(PageSize, Before), cancellationToken));
        Entries = entries;
        if (Verify)
        {
            var (verification, verified) = await errors.TryAsync(() => mediator.Send(new VerifyAudit(Seq, Hash?.Trim()), cancellationToken));
            Verification = verification;
            status = Math.Max(status, verified);
        }

        Response.StatusCode = status;
        return Page();
    }

    /// <summary>Every entry the filters keep (not only this page), newest first, as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var all = new List<AuditEntryDto>();
        long? before = null;
        do
        {
            var (page, status) = await errors.TryAsync(() => mediator.Send(Query(CsvBatch, before), cancellationToken));
            if (page is null)
            {
                Response.StatusCode = status;
                return Page();
            }

            all.AddRange(page.Items);
            before = page.Next;
        }
        while (before is not null);

        return File(Encoding.UTF8.GetBytes(AuditCsv.Write(all)), "text/csv; charset=utf-8", $"protokoll-{From ?? "anfang"}-{To ?? "heute"}.csv");
    }

    /// <summary>The filters as they are, with other values for some keys (null leaves a key out).</summary>
    public string Link(long? before = null, string? handler = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["actor"] = Actor, ["action"] = Action, ["subjectType"] = SubjectType, ["subjectId"] = SubjectId, ["from"] = From, ["to"] = To,
            ["before"] = before?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["handler"] = handler,
        };
        return Path + QueryString.Create(query.Where(q => !string.IsNullOrWhiteSpace(q.Value)));
    }

    /// <summary>An entry's time in the centre's zone.</summary>
    public string Local(string at) => InstantPattern.ExtendedIso.Parse(at) is { Success: true } parsed
        ? LocalDateTimePattern.CreateWithInvariantCulture("yyyy'-'MM'-'dd HH':'mm':'ss").Format(parsed.Value.InZone(centre.Zone).LocalDateTime)
        : at;

    private ListAudit Query(int limit, long? before) =>
        new(Trimmed(SubjectType), Trimmed(SubjectId), Trimmed(Actor), Trimmed(From), Trimmed(To), limit, before, Trimmed(Action));

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
