using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Cases;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Counsellors;
using Ditib.Beratung.Application.Partners;
using Ditib.Beratung.Application.ReferenceData;
using Ditib.Beratung.Domain.Cases;
using Ditib.Beratung.Domain.Referrals;
using Ditib.Beratung.Domain.Users;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Referrals;

/// <summary>
/// The letter for a partner outside the system (printable HTML, in German), holding only the categories the client
/// agreed to share. For staff and the case's counsellors; every letter is audited.
/// </summary>
public sealed record GetReferralLetter(Guid Id) : IRequest<string>;

public sealed class GetReferralLetterHandler(
    IReferralRepository referrals, ICaseRepository cases, CaseAccess access, ICurrentUser currentUser, IPartnerRepository partners,
    ICounsellorRepository counsellors, IReferenceData referenceData, IEnvelopeCipher cipher, IAuditTrail audit, IReferralLetterRenderer renderer,
    CentreSettings settings, IClock clock)
    : IRequestHandler<GetReferralLetter, string>
{
    private static readonly Dictionary<string, string> Bases = new(StringComparer.Ordinal)
    {
        ["acute-danger"] = "akute Gefahr für Leib oder Leben",
        ["child-welfare"] = "Schutzauftrag bei Kindeswohlgefährdung (§ 8a SGB VIII)",
        ["court-order"] = "gerichtliche Anordnung",
    };

    public async Task<string> Handle(GetReferralLetter request, CancellationToken cancellationToken)
    {
        var stored = await referrals.GetAsync(request.Id, cancellationToken) ?? throw new NotFoundException("Referral not found.");
        var @case = currentUser.IsInRole(Roles.Staff)
            ? (await cases.GetAsync(stored.Referral.CaseId, cancellationToken))!
            : (await access.OpenReadableAsync(stored.Referral.CaseId, cancellationToken)).Case;
        var details = await ReferralDetails.OpenAsync(cipher, @case, stored, cancellationToken);
        var shared = stored.SharedCategories;
        var partner = (await partners.GetAsync(stored.Referral.PartnerId, cancellationToken))!;
        var author = await counsellors.GetAsync(stored.CreatedBy, cancellationToken);

        LetterContact? contact = null;
        if (shared.Contains(SharedCategories.Contact))
        {
            var identity = await ClientIdentity.OpenAsync(cipher, cases, @case, cancellationToken);
            contact = new LetterContact(identity.Name, identity.Phone, identity.Email, identity.Address, identity.DateOfBirth);
        }

        var topicNames = shared.Contains(SharedCategories.Topics)
            ? (await referenceData.TopicsAsync(cancellationToken)).Where(t => @case.Topics.Contains(t.Code)).Select(t => t.Names["de"]).ToList()
            : null;
        var html = await renderer.RenderAsync(new LetterContent(
            @case.Code, new LetterRecipient(partner.Name, partner.ContactPerson, partner.Street, partner.PostcodeAndCity), details.Purpose,
            clock.GetCurrentInstant().InZone(settings.Zone).Date, shared, contact, topicNames,
            shared.Contains(SharedCategories.Summary) ? details.Summary : null,
            shared.Contains(SharedCategories.LanguageNeeds) ? details.LanguageNeeds : null,
            Basis(details), author?.DisplayName ?? "Beratung"), cancellationToken);
        await audit.RecordAsync(new AuditEvent("referral.letter", "referral", stored.Referral.Id.ToString()), cancellationToken);
        return html;
    }

    private string Basis(ReferralDetails details)
    {
        if (details.Consent is { } consent)
        {
            var date = consent.GivenAt is { } givenAt
                ? "vom " + givenAt.InZone(settings.Zone).Date.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)
                : "(Datum nicht gespeichert, siehe Akte)";
            return consent.Method == "written"
                ? $"Schriftliche Einwilligung der Klientin / des Klienten {date}."
                : $"Mündliche Einwilligung der Klientin / des Klienten {date}, vor einer Zeugin / einem Zeugen dokumentiert.";
        }

        var basis = details.LegalBasis!;
        return $"Weitergabe ohne Einwilligung – Rechtsgrundlage: {Bases.GetValueOrDefault(basis.Basis, basis.Basis)}. Begründung: {basis.Reason}";
    }
}
