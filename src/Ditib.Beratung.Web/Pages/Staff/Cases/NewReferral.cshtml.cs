using Ditib.Beratung.Application.Partners;
using Ditib.Beratung.Application.Referrals;
using Ditib.Beratung.Domain.Referrals;
using Ditib.Beratung.Web.Support;
using Ditib.Beratung.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Ditib.Beratung.Web.Pages.Staff.Cases;

/// <summary>The referral form as it was sent, so that an error shows it again unchanged.</summary>
public sealed class ReferralForm
{
    public Guid? PartnerId { get; set; }

    public string? Purpose { get; set; }

    public List<string> Categories { get; set; } = [];

    public string? Summary { get; set; }

    public string? LanguageNeeds { get; set; }

    /// <summary><c>written</c>, <c>verbal</c> or <c>legal</c>.</summary>
    public string? Grounds { get; set; }

    public string? ConsentDate { get; set; }

    public string? Witness { get; set; }

    public string? Basis { get; set; }

    public string? BasisReason { get; set; }

    public string? FollowUpOn { get; set; }

    public CreateReferral ToCommand(Guid caseId) => new(
        PartnerId ?? Guid.Empty, Purpose, Categories, Empty(Summary), FollowUpOn,
        Grounds is "written" or "verbal" ? new ConsentInput(Grounds, ConsentDate, Grounds == "verbal" ? Empty(Witness) : null) : null,
        Grounds == "legal" ? new LegalBasisInput(Basis, Empty(BasisReason)) : null,
        Empty(LanguageNeeds)) { CaseId = caseId };

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

/// <summary>
/// Weitervermittlung: partners suggested by the case's topics (<see cref="SuggestPartners"/>), purpose, what to share,
/// the client's consent or a legal basis, summary and follow-up date; saved as a draft with <see cref="CreateReferral"/>.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class NewReferralModel(IMediator mediator, CaseErrors errors, SlotFinder finder) : CasePageModel(mediator, errors)
{
    public IReadOnlyList<PartnerDto> Suggested { get; private set; } = [];

    public IReadOnlyList<PartnerDto> Others { get; private set; } = [];

    [BindProperty]
    public ReferralForm Form { get; set; } = new();

    public static IReadOnlyList<string> Categories => SharedCategories.All;

    public static IReadOnlyList<string> LegalBases => SharingRules.LegalBases;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await FindCaseAsync(code, cancellationToken))
        {
            return Page();
        }

        Form = new ReferralForm
        {
            Grounds = "written",
            ConsentDate = Display.Iso(finder.Today),
            FollowUpOn = Display.Iso(finder.Today.PlusDays(14)),
            Categories = [SharedCategories.Topics],
        };
        return await ShowAsync(StatusCodes.Status200OK, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!await FindCaseAsync(code, cancellationToken))
        {
            return Page();
        }

        if (Form.Grounds is not ("written" or "verbal" or "legal"))
        {
            Errors.Add("grounds", "CaseError_Grounds");
            return await ShowAsync(StatusCodes.Status400BadRequest, cancellationToken);
        }

        ReferralCreatedDto? created = null;
        var status = await Errors.TryAsync(async () => created = await Mediator.Send(Form.ToCommand(Case.Id), cancellationToken));
        return created is not null
            ? this.SeeOther(CaseLinks.Referral(Case.Code, created.Id))
            : await ShowAsync(status, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(int status, CancellationToken cancellationToken)
    {
        Suggested = await Mediator.Send(new SuggestPartners(Case.Id), cancellationToken);
        var suggested = Suggested.Select(p => p.Id).ToHashSet();
        Others = (await Mediator.Send(new ListPartners(null), cancellationToken))
            .Where(p => p.TakesReferrals && !suggested.Contains(p.Id)).ToList();
        return Show(status);
    }
}
