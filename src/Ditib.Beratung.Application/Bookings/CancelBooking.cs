using System.Text.Json.Serialization;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Messages;
using Ditib.Beratung.Application.Slots;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Bookings;

/// <summary>The resident cancels with their link, until the cut-off before the start.</summary>
public sealed record CancelBooking(string? Reason) : ICommand<BookingDto>
{
    [JsonIgnore]
    public string Reference { get; init; } = "";

    [JsonIgnore]
    public string? Token { get; init; }
}

public sealed class CancelBookingValidator : AbstractValidator<CancelBooking>
{
    public CancelBookingValidator() => RuleFor(c => c.Reason).SingleLine(500);
}

public sealed class CancelBookingHandler(
    BookingAccess access, IBookingRepository bookings, ISlotQueries slots, IEnvelopeCipher cipher, CentreSettings settings, IClock clock,
    BookingMessages messages, IIdempotencyStore idempotency)
    : IRequestHandler<CancelBooking, BookingDto>
{
    public async Task<BookingDto> Handle(CancelBooking request, CancellationToken cancellationToken)
    {
        var (record, slot) = await access.OpenAsync(request.Reference, request.Token, cancellationToken);
        record.Booking.CancelByResident(clock.GetCurrentInstant(), slot.Start, settings.CancelCutoff, request.Reason?.Trim());
        await bookings.UpdateAsync(record.Booking, cancellationToken);
        await messages.CancelledAsync(record.Booking, cancellationToken);
        await idempotency.ForgetAsync(BookingCreatedDto.SubjectOf(record.Booking.Reference), cancellationToken);
        var personal = await PersonalData.OpenAsync(cipher, record, cancellationToken);
        var freed = (await slots.GetAsync(slot.Id, cancellationToken))!;
        return BookingDto.From(record, personal, freed.ToDto(settings.Zone));
    }
}
