using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Cases;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Referrals;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Domain.Bookings;
using FluentValidation;
using MediatR;

namespace Ditib.Beratung.Application.Privacy;

/// <summary>
/// The DPO's answer to an access request (GDPR Art. 15) for the client of a case: identity, the case, its notes,
/// referrals, the booking it came from, and who read the case when. Audited.
/// </summary>
public sealed record GetAccessExport(string? CaseCode) : IRequest<AccessExport>;

public sealed record AccessExport(
    string CaseCode, IReadOnlyList<string> Topics, string Status, string OpenedOn, string? ClosedOn, bool Erased,
    ClientIdentity? Client, IReadOnlyList<NoteDto> Notes, IReadOnlyList<AccessReferral> Referrals, AccessBooking? Booking,
    IReadOnlyList<AccessRead> Reads);

public sealed record AccessReferral(string Partner, string Status, string FollowUpOn, string CreatedAt, string? Purpose, IReadOnlyList<string> SharedCategories);

public sealed record AccessBooking(
    string Reference, string Status, string Start, string Name, string? Phone, string? Email, string? Concern, string? StatusReason);

public sealed record AccessRead(string At, string Actor, string Action);

public sealed class GetAccessExportValidator : AbstractValidator<GetAccessExport>
{
    public GetAccessExportValidator() => RuleFor(e => e.CaseCode).NotEmpty().Matches(@"^F-\d{4}-\d{4,}$").WithMessage("'caseCode' looks like F-2026-0042.");
}

public sealed class GetAccessExportHandler(
    IPrivacyRepository privacy, ICaseRepository cases, IReferralRepository referrals, IBookingRepository bookings, ISlotQueries slots,
    IAuditQueries auditQueries, IAuditTrail audit, IEnvelopeCipher cipher, CentreSettings settings)
    : IRequestHandler<GetAccessExport, AccessExport>
{
    /// <summary>The audited reads of a client's data, whatever subject (case, client, note, referral, booking) they are filed under.</summary>
    private static readonly string[] ReadActions = ["case.notes-read", "client.reveal", "referral.letter", "privacy.access-request"];

    public async Task<AccessExport> Handle(GetAccessExport request, CancellationToken cancellationToken)
    {
        var found = await privacy.FindCaseAsync(request.CaseCode!, cancellationToken) ?? throw new NotFoundException("No case with this code.");
        var @case = (await cases.GetAsync(found.Id, cancellationToken))!;
        var reads = (await auditQueries.AboutCaseAsync(@case.Id, ReadActions, cancellationToken))
            .Select(e => new AccessRead(e.At, e.ActorName, e.Action))
            .ToList();
        var items = await referrals.ListAsync(new ReferralFilter(null, null, null, @case.Id, OpenOnly: false), cancellationToken);

        ClientIdentity? client = null;
        var notes = new List<NoteDto>();
        var referralExports = new List<AccessReferral>();
        if (!found.Erased)
        {
            client = await ClientIdentity.OpenAsync(cipher, cases, @case, cancellationToken);
            notes.AddRange(await ListNotesHandler.ReadAllAsync(cases, cipher, @case, settings.Zone, cancellationToken));
        }

        foreach (var item in items)
        {
            var stored = (await referrals.GetAsync(item.Id, cancellationToken))!;
            var purpose = found.Erased ? null : (await ReferralDetails.OpenAsync(cipher, @case, stored, cancellationToken)).Purpose;
            referralExports.Add(new AccessReferral(item.Partner, item.Status, item.FollowUpOn, item.CreatedAt, purpose, stored.SharedCategories));
        }

        var booking = @case.BookingId is { } bookingId && !found.Erased ? await BookingAsync(bookingId, cancellationToken) : null;
        await audit.RecordAsync(new AuditEvent("privacy.access-request", "case", @case.Id.ToString()), cancellationToken);
        return new AccessExport(@case.Code, @case.Topics, found.Status, Formats.Date.Format(@case.OpenedOn),
            @case.ClosedOn is { } closed ? Formats.Date.Format(closed) : null, found.Erased, client, notes, referralExports, booking, reads);
    }

    private async Task<AccessBooking?> BookingAsync(Guid bookingId, CancellationToken cancellationToken)
    {
        var record = await bookings.GetByIdAsync(bookingId, cancellationToken);
        if (record is null || record.SealedPersonalData.Length == 0)
        {
            return null;
        }

        var personal = await PersonalData.OpenAsync(cipher, record, cancellationToken);
        var slot = (await slots.GetAsync(record.Booking.SlotId, cancellationToken))!;
        return new AccessBooking(record.Booking.Reference, record.Booking.Status.ToCode(), Formats.Local(slot.Start, settings.Zone), personal.Name,
            personal.Phone, personal.Email, personal.Concern, record.Booking.StatusReason);
    }
}
