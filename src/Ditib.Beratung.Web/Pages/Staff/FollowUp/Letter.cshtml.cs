using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Referrals;
using Ditib.Beratung.Web.Letters;
using Ditib.Beratung.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Ditib.Beratung.Web.Pages.Staff.FollowUp;

/// <summary>
/// The referral letter for the desk to print (the same <see cref="GetReferralLetter"/> as the API's letter, audited),
/// served as it is under a policy that allows its one inline print stylesheet by hash and nothing else.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class LetterModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        string html;
        try
        {
            html = await mediator.Send(new GetReferralLetter(id), cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        Response.Headers.ContentSecurityPolicy = LetterStyle.PagePolicy;
        return Content(html, "text/html; charset=utf-8");
    }
}
