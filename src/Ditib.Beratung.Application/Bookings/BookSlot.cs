using System.Text.Json.Serialization;
using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Messages;
using Ditib.Beratung.Application.ReferenceData;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Domain.Bookings;
using Ditib.Beratung.Domain.Scheduling;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Bookings;

/// <summary>Books a place in a slot, by a resident (anonymous) or by staff on behalf of a caller or walk-in.</summary>
public sealed record BookSlot(
    Guid SlotId,
    string? Name,
    string? Phone,
    string? Email,
    string? Language,
    string? Topic,
    bool InterpreterNeeded,
    string? Concern,
    ConsentDto? Consent) : ICommand<BookingCreatedDto>, IIdempotentCommand
{
    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    /// <summary>Set by the endpoint, never by the body: staff may book inside the minimum notice.</summary>
    [JsonIgnore]
    public BookedBy BookedBy { get; init; } = BookedBy.Resident;

    [JsonIgnore]
    public string IdempotencyScope => $"book-slot:{BookedBy}";
}

public sealed class BookSlotValidator : AbstractValidator<BookSlot>
{
    public BookSlotValidator(IReferenceData referenceData, PrivacyNotice privacyNotice)
    {
        RuleFor(b => b.SlotId).NotEmpty();
        RuleFor(b => b.Name).Name(100);
        RuleFor(b => b.Phone).Phone();
        RuleFor(b => b.Email).Email();
        RuleFor(b => b.Language).NotEmpty().Language(referenceData);
        RuleFor(b => b.Topic).NotEmpty().Topic(referenceData);
        RuleFor(b => b.Concern).PlainText(1000);
        RuleFor(b => b.Consent).NotNull().WithMessage("Consent to the privacy notice is required.");
        RuleFor(b => b.Consent!.Accepted).Equal(true).WithName("consent.accepted")
            .WithMessage("The privacy notice must be accepted to book.").When(b => b.Consent is not null);
        RuleFor(b => b.Consent!.PrivacyNoticeVersion).Equal(privacyNotice.Version).WithName("consent.privacyNoticeVersion")
            .WithMessage($"Consent must be given to the current privacy notice, version {privacyNotice.Version}.")
            .When(b => b.Consent is not null);
        RuleFor(b => b.IdempotencyKey).Length(16, 100).Matches("^[A-Za-z0-9._:-]+$").When(b => b.IdempotencyKey is not null)
            .WithName("Idempotency-Key")
            .WithMessage("The Idempotency-Key header has 16 to 100 letters, digits, '.', '_', ':' or '-'; a fresh UUID is a good key.");
    }
}

/// <summary>The version of the privacy notice residents consent to (<c>Beratung:PrivacyNoticeVersion</c>).</summary>
public sealed record PrivacyNotice(string Version);

public sealed class BookSlotHandler(
    IBookingRepository bookings, ISlotRepository slots, IEnvelopeCipher cipher, ISecrets secrets, IAuditTrail audit, CentreSettings settings,
    IClock clock, BookingMessages messages)
    : IRequestHandler<BookSlot, BookingCreatedDto>
{
    public async Task<BookingCreatedDto> Handle(BookSlot request, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var slot = await slots.GetAsync(request.SlotId, cancellationToken) ?? throw new NotFoundException("Slot not found.");
        var notice = request.BookedBy == BookedBy.Staff ? Duration.Zero : settings.MinimumNotice;
        slot.EnsureBookable(new PlaceRequest(request.Topic!, request.Language!, request.InterpreterNeeded, notice), now);

        var reference = secrets.NewBookingReference();
        while (await bookings.ReferenceExistsAsync(reference, cancellationToken))
        {
            reference = secrets.NewBookingReference();
        }

        var (token, tokenHash) = secrets.NewManageToken();
        var booking = new Booking(Guid.CreateVersion7(), reference, slot.Id, BookingStatus.Confirmed, 0);
        var dataKey = await cipher.CreateDataKeyAsync(cancellationToken);
        var personal = new PersonalData(request.Name!.Trim(), Blank(request.Phone), Blank(request.Email), Blank(request.Concern));
        var (hasEmail, hasPhone) = (personal.Email is not null, personal.Phone is not null);
        var sealedPersonal = await personal.SealAsync(cipher, dataKey, booking.Id, cancellationToken);
        var sealedToken = await messages.SealManageTokenAsync(booking.Id, dataKey, token, hasEmail, hasPhone, cancellationToken);

        await bookings.AddAsync(new BookingRecord(booking, tokenHash, dataKey, sealedPersonal, request.Language!, request.Topic!,
            request.InterpreterNeeded, request.BookedBy, request.Consent!.PrivacyNoticeVersion!, now, now, sealedToken), cancellationToken);
        await messages.BookedAsync(booking, slot.Start, hasEmail, hasPhone, cancellationToken);

        if (request.BookedBy == BookedBy.Staff)
        {
            await audit.RecordAsync(new AuditEvent("booking.create-on-behalf", "booking", booking.Id.ToString()), cancellationToken);
        }

        return new BookingCreatedDto(reference, token, booking.Status.ToCode(),
            SlotDto.From(slot, settings.Zone) with { RemainingCapacity = slot.Remaining - 1 });
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
