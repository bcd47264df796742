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
/// Anfragen: the DPO finds a case by its code and answers the client's requests with the API's requests: the access
/// export (<see cref="GetAccessExport"/>, as a printable page or JSON, on its own page), erasure (<see cref="EraseClient"/>,
/// confirmed by typing the code; a refusal is shown with its reason) and the legal hold (<see cref="SetLegalHold"/>).
/// Every step wants a second factor from the last five minutes.
/// </summary>
[Authorize(Policy = Policies.Dpo)]
public sealed class RequestsModel(IMediator mediator, DpoErrors errors, IClock clock) : PageModel
{
    public const string Path = "/staff/dpo/requests";

    public DpoErrors Errors => errors;

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public string? ConfirmCode { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public PrivacyCaseDto? Case { get; private set; }

    /// <summary>Why the erasure just asked for was refused (<see cref="ErasureRefusals"/>).</summary>
    public string? Refused { get; private set; }

    public static string For(string code) => $"{Path}?code={Uri.EscapeDataString(code)}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(Code) ? Page() : Show(await LoadAsync(cancellationToken));

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } confirm)
        {
            return confirm;
        }

        var status = await LoadAsync(cancellationToken);
        if (Case is null)
        {
            return Show(status);
        }

        if (!string.Equals(ConfirmCode?.Trim(), Case.CaseCode, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("confirmCode", "Dpo_Error_ConfirmCode");
            return Show(StatusCodes.Status400BadRequest);
        }

        var (result, sent) = await errors.TryAsync(() => mediator.Send(new EraseClient(Case.CaseCode), cancellationToken));
        if (result is { Erased: true })
        {
            return this.SeeOther($"{For(Case.CaseCode)}&done=erased");
        }

        Refused = result?.RefusalCode;
        return Show(result is null ? sent : StatusCodes.Status422UnprocessableEntity);
    }

    public Task<IActionResult> OnPostHoldAsync(CancellationToken cancellationToken) => HoldAsync(hold: true, cancellationToken);

    public Task<IActionResult> OnPostLiftAsync(CancellationToken cancellationToken) => HoldAsync(hold: false, cancellationToken);

    private async Task<IActionResult> HoldAsync(bool hold, CancellationToken cancellationToken)
    {
        if (Fresh() is { } confirm)
        {
            return confirm;
        }

        var status = await LoadAsync(cancellationToken);
        if (Case is null)
        {
            return Show(status);
        }

        var (result, sent) = await errors.TryAsync(() => mediator.Send(new SetLegalHold(Case.CaseCode, hold, Reason), cancellationToken));
        return result is null ? Show(sent) : this.SeeOther($"{For(Case.CaseCode)}&done={(hold ? "hold" : "lifted")}");
    }

    /// <summary>A stale second factor goes to the confirm page, which comes back to this case's page (the form is sent again from there).</summary>
    private IActionResult? Fresh() =>
        FreshSecondFactor.Require(this, clock, string.IsNullOrWhiteSpace(Code) ? Path : For(Code.Trim()));

    private async Task<int> LoadAsync(CancellationToken cancellationToken)
    {
        var (found, status) = await errors.TryAsync(() => mediator.Send(new GetPrivacyCase(Code?.Trim()), cancellationToken));
        Case = found;
        return status;
    }

    private PageResult Show(int status)
    {
        Response.StatusCode = status;
        return Page();
    }
}
