using System.Text.Json.Serialization;
using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Cases;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Partners;
using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Domain.Referrals;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Referrals;

public sealed record ConsentInput(string? Method, string? GivenAt, string? Witness);

public sealed record LegalBasisInput(string? Basis, string? Reason);

/// <summary>The new referral; <c>SummaryRedactions</c> says what the scrubber replaced in the summary (kinds and counts).</summary>
public sealed record ReferralCreatedDto(Guid Id, string Status, IReadOnlyList<Domain.Cases.Redaction> SummaryRedactions);

/// <summary>
/// A counsellor of the case refers it to a partner: what for, which data the client agreed to share, and the
/// client's consent (written, or verbal with a witness) or a legal basis with a reason. The summary is scrubbed
/// like a note, with the same knowledge of the client and related persons. It starts as a draft.
/// </summary>
public sealed record CreateReferral(
    Guid PartnerId, string? Purpose, IReadOnlyList<string>? SharedCategories, string? Summary, string? FollowUpOn, ConsentInput? Consent,
    LegalBasisInput? LegalBasis, string? LanguageNeeds) : ICommand<ReferralCreatedDto>
{
    [JsonIgnore]
    public Guid CaseId { get; init; }
}

public sealed class CreateReferralValidator : AbstractValidator<CreateReferral>
{
    public CreateReferralValidator()
    {
        RuleFor(r => r.PartnerId).NotEmpty();
        RuleFor(r => r.Purpose).NotEmpty().SingleLine(500);
        RuleFor(r => r.SharedCategories).NotNull().Must(c => c!.Distinct().Count() == c!.Count).WithMessage("Each category once.");
        RuleForEach(r => r.SharedCategories).Must(c => SharedCategories.All.Contains(c))
            .WithMessage($"Categories are chosen from: {string.Join(", ", SharedCategories.All)}.");
        RuleFor(r => r.Summary).NotEmpty().When(r => r.SharedCategories?.Contains(SharedCategories.Summary) == true)
            .WithMessage("The summary to share is missing.");
        RuleFor(r => r.Summary).PlainText(4000);
        RuleFor(r => r.LanguageNeeds).NotEmpty().When(r => r.SharedCategories?.Contains(SharedCategories.LanguageNeeds) == true)
            .WithMessage("The language needs to share are missing.");
        RuleFor(r => r.LanguageNeeds).SingleLine(300);
        RuleFor(r => r.FollowUpOn).Date();
        RuleFor(r => r.Consent!.Method).Must(m => SharingRules.ConsentMethods.Contains(m!)).WithName("consent.method")
            .WithMessage("'consent.method' is written or verbal.").When(r => r.Consent is not null);
        RuleFor(r => r.Consent!.GivenAt).Must(g => Formats.IsDateTime(g) || Formats.IsDate(g)).WithName("consent.givenAt")
            .WithMessage($"'consent.givenAt' is a date (yyyy-MM-dd) or a date-time: {Formats.DateTimeForms}.").When(r => r.Consent is not null);
        RuleFor(r => r.Consent!.Witness).SingleLine(200).WithName("consent.witness").When(r => r.Consent is not null);
        RuleFor(r => r.LegalBasis!.Basis).Must(b => SharingRules.LegalBases.Contains(b!)).WithName("legalBasis.basis")
            .WithMessage($"'legalBasis.basis' is one of: {string.Join(", ", SharingRules.LegalBases)}.").When(r => r.LegalBasis is not null);
        RuleFor(r => r.LegalBasis!.Reason).SingleLine(1000).WithName("legalBasis.reason").When(r => r.LegalBasis is not null);
    }
}

public sealed class CreateReferralHandler(
    CaseAccess access, ICaseRepository cases, IPartnerRepository partners, IReferralRepository referrals, IEnvelopeCipher cipher,
    ICurrentUser currentUser, IAuditTrail audit, CentreSettings settings, IClock clock)
    : IRequestHandler<CreateReferral, ReferralCreatedDto>
{
    public async Task<ReferralCreatedDto> Handle(CreateReferral request, CancellationToken cancellationToken)
    {
        var (@case, counsellor) = await access.OpenReadableAsync(request.CaseId, cancellationToken);
        var consent = request.Consent is { } c ? new Consent(c.Method!, GivenAt(c.GivenAt!), c.Witness?.Trim()) : null;
        var legalBasis = request.LegalBasis is { } l ? new LegalBasis(l.Basis!, l.Reason?.Trim() ?? "") : null;
        SharingRules.EnsureGrounds(consent, legalBasis);
        var partner = await partners.GetAsync(request.PartnerId, cancellationToken);
        if (partner is not { TakesReferrals: true, Retired: false })
        {
            throw new DomainRuleException("This partner does not take referrals.", "partnerId");
        }

        var identity = await ClientIdentity.OpenAsync(cipher, cases, @case, cancellationToken);
        var scrubbed = request.Summary is { Length: > 0 } text ? Domain.Cases.NoteScrubber.Scrub(text.Trim(), identity.ScrubKnowledge()) : null;
        var referral = new Referral(Guid.CreateVersion7(), @case.Id, partner.Id, ReferralStatus.Draft, Formats.ParseDate(request.FollowUpOn!));
        var details = new ReferralDetails(request.Purpose!.Trim(), scrubbed?.Text, request.LanguageNeeds?.Trim(), consent, legalBasis, currentUser.Name);

        await referrals.AddAsync(new StoredReferral(referral, consent is null ? "legal-basis" : "consent", request.SharedCategories!,
            await details.SealAsync(cipher, @case, referral.Id, cancellationToken), null, counsellor.Id, clock.GetCurrentInstant()), cancellationToken);
        await audit.RecordAsync(new AuditEvent("referral.create", "referral", referral.Id.ToString(),
            $"success: case {@case.Id}, partner {partner.Id}, {(consent is null ? "legal basis " + legalBasis!.Basis : "consent " + consent.Method)}"),
            cancellationToken);
        return new ReferralCreatedDto(referral.Id, referral.Status.ToCode(), scrubbed?.Redactions ?? []);
    }

    private Instant GivenAt(string text) => Formats.IsDate(text)
        ? Formats.ParseDate(text).AtStartOfDayInZone(settings.Zone).ToInstant()
        : Formats.ParseInstant(text, settings.Zone);
}
