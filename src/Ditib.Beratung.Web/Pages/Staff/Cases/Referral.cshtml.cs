using Ditib.Beratung.Application.Referrals;
using Ditib.Beratung.Domain.Referrals;
using Ditib.Beratung.Web.Support;
using Ditib.Beratung.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Ditib.Beratung.Web.Pages.Staff.Cases;

/// <summary>
/// One referral of the case: its state, the letter as it will print, sending and withdrawing
/// (<see cref="TakeReferralStep"/>, the same request as the API).
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class ReferralModel(IMediator mediator, CaseErrors errors) : CasePageModel(mediator, errors)
{
    public ReferralListItemDto Referral { get; private set; } = null!;

    public string? Done { get; private set; }

    public bool CanSend => Referral.Status == ReferralStatus.Draft.ToCode();

    public bool CanWithdraw => Referral.Status == ReferralStatus.Draft.ToCode() || Referral.Status == ReferralStatus.Sent.ToCode();

    public async Task<IActionResult> OnGetAsync(string code, Guid id, string? done, CancellationToken cancellationToken)
    {
        Done = done is "sent" or "withdrawn" ? done : null;
        await FindReferralAsync(code, id, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostSendAsync(string code, Guid id, CancellationToken cancellationToken) =>
        StepAsync(code, id, ReferralAction.Send, "sent", cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(string code, Guid id, CancellationToken cancellationToken) =>
        StepAsync(code, id, ReferralAction.Withdraw, "withdrawn", cancellationToken);

    private async Task<IActionResult> StepAsync(string code, Guid id, ReferralAction action, string done, CancellationToken cancellationToken)
    {
        if (!await FindReferralAsync(code, id, cancellationToken))
        {
            return Page();
        }

        var status = await Errors.TryAsync(() => Mediator.Send(new TakeReferralStep(id, action, null), cancellationToken), "CaseError_ReferralState");
        if (status == StatusCodes.Status200OK)
        {
            return this.SeeOther($"{CaseLinks.Referral(Case.Code, id)}?done={done}");
        }

        await FindReferralAsync(code, id, cancellationToken);
        return Show(status);
    }

    /// <summary>The referral, only as one of this case's (which the caller may read); else the page's 404.</summary>
    private async Task<bool> FindReferralAsync(string code, Guid id, CancellationToken cancellationToken)
    {
        if (!await FindCaseAsync(code, cancellationToken))
        {
            return false;
        }

        if ((await Mediator.Send(new ListCaseReferrals(Case.Id), cancellationToken)).FirstOrDefault(r => r.Id == id) is { } referral)
        {
            Referral = referral;
            return true;
        }

        MarkMissing();
        return false;
    }
}
