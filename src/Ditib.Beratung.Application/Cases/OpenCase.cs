using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.ReferenceData;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Domain.Bookings;
using Ditib.Beratung.Domain.Cases;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Cases;

/// <summary>
/// A counsellor opens a case: from one of their bookings (the resident's contact data is copied into the sealed
/// client identity, the booking's topic becomes the case's) or directly with the client's details.
/// </summary>
public sealed record OpenCase(string? BookingReference, ClientInput? Client, IReadOnlyList<string>? Topics) : ICommand<CaseCreatedDto>;

public sealed record ClientInput(string? Name, string? Phone, string? Email, string? DateOfBirth, string? Address);

public sealed record CaseCreatedDto(Guid Id, string Code);

public sealed class OpenCaseValidator : AbstractValidator<OpenCase>
{
    public OpenCaseValidator(IReferenceData referenceData, CentreSettings settings, IClock clock)
    {
        var today = clock.GetCurrentInstant().InZone(settings.Zone).Date;
        RuleFor(c => c.BookingReference).Empty().When(c => c.Client is not null)
            .WithMessage("Give either a booking reference or the client's details, not both.");
        RuleFor(c => c.Client).NotNull().When(c => c.BookingReference is null)
            .WithMessage("Give a booking reference or the client's details.");
        RuleFor(c => c.BookingReference).MaximumLength(20);
        RuleFor(c => c.Client!.Name).Name(200).WithName("client.name").When(c => c.Client is not null);
        RuleFor(c => c.Client!.Phone).Phone().WithName("client.phone").When(c => c.Client is not null);
        RuleFor(c => c.Client!.Email).Email().WithName("client.email").When(c => c.Client is not null);
        RuleFor(c => c.Client!.DateOfBirth).Must(d => d is null || (Formats.IsBirthDate(d) && Formats.ParseDate(d) <= today))
            .WithName("client.dateOfBirth")
            .WithMessage("'client.dateOfBirth' must be a past date written as yyyy-MM-dd.").When(c => c.Client is not null);
        RuleFor(c => c.Client!.Address).SingleLine(300).WithName("client.address").When(c => c.Client is not null);
        RuleFor(c => c.Topics).NotEmpty().When(c => c.Client is not null).WithMessage("A case needs at least one topic.");
        RuleFor(c => c.Topics).Must(t => t is null || t.Count <= 12).WithMessage("At most 12 topics.");
        RuleForEach(c => c.Topics).NotEmpty().Topic(referenceData);
    }
}

public sealed class OpenCaseHandler(
    CaseAccess access, ICaseRepository cases, IBookingRepository bookings, ISlotQueries slots, IEnvelopeCipher cipher, IAuditTrail audit,
    CentreSettings settings, IClock clock)
    : IRequestHandler<OpenCase, CaseCreatedDto>
{
    public async Task<CaseCreatedDto> Handle(OpenCase request, CancellationToken cancellationToken)
    {
        var counsellor = await access.CurrentCounsellorAsync(cancellationToken);
        var (identity, topics, bookingId) = request.Client is { } client
            ? (new ClientIdentity(client.Name!.Trim(), client.Phone, client.Email, client.DateOfBirth, client.Address), request.Topics!, (Guid?)null)
            : await FromBookingAsync(request.BookingReference, counsellor.Id, request.Topics, cancellationToken);

        var today = clock.GetCurrentInstant().InZone(settings.Zone).Date;
        var sequence = await cases.NextSequenceAsync(today.Year, cancellationToken);
        var dataKey = await cipher.CreateDataKeyAsync(cancellationToken);
        var @case = new Case(Guid.CreateVersion7(), Case.FormatCode(today.Year, sequence), counsellor.Id, [],
            topics.Distinct(StringComparer.Ordinal).ToList(), CaseStatus.Open, today, null, bookingId, dataKey);
        await cases.AddAsync(@case, Guid.CreateVersion7(), await identity.SealAsync(cipher, @case, cancellationToken), cancellationToken);
        await audit.RecordAsync(new AuditEvent("case.open", "case", @case.Id.ToString()), cancellationToken);
        return new CaseCreatedDto(@case.Id, @case.Code);
    }

    /// <summary>Only a booking in one of the counsellor's own slots; any other reference is "not found".</summary>
    private async Task<(ClientIdentity, IReadOnlyList<string>, Guid?)> FromBookingAsync(
        string? reference, Guid counsellorId, IReadOnlyList<string>? topics, CancellationToken cancellationToken)
    {
        var record = BookingReference.TryNormalise(reference, out var normalised) ? await bookings.GetAsync(normalised, cancellationToken) : null;
        var slot = record is null ? null : await slots.GetAsync(record.Booking.SlotId, cancellationToken);
        if (record is null || slot is null || slot.CounsellorId != counsellorId)
        {
            throw new NotFoundException("No booking with this reference in your agenda.");
        }

        if (record.Booking.Status is BookingStatus.CancelledByResident or BookingStatus.CancelledByCentre)
        {
            throw new Domain.Common.ConflictException("This booking was cancelled; open the case directly if the client wishes.");
        }

        if (await cases.ExistsForBookingAsync(record.Booking.Id, cancellationToken))
        {
            throw new Domain.Common.ConflictException("A case has already been opened from this booking.");
        }

        var personal = await PersonalData.OpenAsync(cipher, record, cancellationToken);
        var caseTopics = topics is { Count: > 0 } ? topics : [record.Topic];
        return (new ClientIdentity(personal.Name, personal.Phone, personal.Email, null, null), caseTopics, record.Booking.Id);
    }
}
