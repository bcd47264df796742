using Ditib.Beratung.Application.Referrals;
using Ditib.Beratung.Web.Letters;
using Ditib.Beratung.Web.Support;
using Ditib.Beratung.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Ditib.Beratung.Web.Pages.Staff.Cases;

/// <summary>
/// The referral letter exactly as it prints: the document of <see cref="GetReferralLetter"/> (the same renderer as the
/// API's letter, audited), served as it is, under a policy that allows its one inline A4 print stylesheet by hash and
/// nothing else.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class LetterModel(IMediator mediator, CaseErrors errors) : CasePageModel(mediator, errors)
{
    public async Task<IActionResult> OnGetAsync(string code, Guid id, CancellationToken cancellationToken)
    {
        if (!await FindCaseAsync(code, cancellationToken)
            || !(await Mediator.Send(new ListCaseReferrals(Case.Id), cancellationToken)).Any(r => r.Id == id))
        {
            MarkMissing();
            return Page();
        }

        var html = await Mediator.Send(new GetReferralLetter(id), cancellationToken);
        Response.Headers.ContentSecurityPolicy = LetterStyle.PagePolicy;
        return Content(html, "text/html; charset=utf-8");
    }
}
