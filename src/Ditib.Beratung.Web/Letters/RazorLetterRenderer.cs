using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Referrals;
using Ditib.Beratung.Web.Documents;

namespace Ditib.Beratung.Web.Letters;

/// <summary>
/// The referral letter port: renders <c>Letters/ReferralLetter.cshtml</c> (the API's letter endpoint and the staff pages
/// send the same <see cref="GetReferralLetter"/>), with the centre from configuration as sender.
/// </summary>
public sealed class RazorLetterRenderer(DocumentViews views, CentreContact centre) : IReferralLetterRenderer
{
    public const string ViewPath = "/Letters/ReferralLetter.cshtml";

    public Task<string> RenderAsync(LetterContent content, CancellationToken cancellationToken) =>
        views.RenderAsync(ViewPath, new ReferralLetterView(content, centre));
}
