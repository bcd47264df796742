using System.Text.Json.Serialization;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Messages;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Domain.Scheduling;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Bookings;

/// <summary>Moves a booking to another slot in one step: when the new slot cannot be had, nothing changes.</summary>
public sealed record RescheduleBooking(Guid SlotId) : ICommand<BookingDto>
{
    [JsonIgnore]
    public string Reference { get; init; } = "";

    [JsonIgnore]
    public string? Token { get; init; }
}

public sealed class RescheduleBookingValidator : AbstractValidator<RescheduleBooking>
{
    public RescheduleBookingValidator() => RuleFor(r => r.SlotId).NotEmpty();
}

public sealed class RescheduleBookingHandler(
    BookingAccess access, IBookingRepository bookings, ISlotRepository slotRepository, ISlotQueries slots, IEnvelopeCipher cipher,
    CentreSettings settings, IClock clock, BookingMessages messages)
    : IRequestHandler<RescheduleBooking, BookingDto>
{
    public async Task<BookingDto> Handle(RescheduleBooking request, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var (record, current) = await access.OpenAsync(request.Reference, request.Token, cancellationToken);
        var target = await slotRepository.GetAsync(request.SlotId, cancellationToken) ?? throw new NotFoundException("Slot not found.");
        if (target.Id != current.Id)
        {
            target.EnsureBookable(new PlaceRequest(record.Topic, record.Language, record.InterpreterNeeded, settings.MinimumNotice), now);
        }

        record.Booking.MoveTo(target.Id, now, current.Start, settings.CancelCutoff);
        await bookings.UpdateAsync(record.Booking, cancellationToken);
        await messages.RescheduledAsync(record.Booking, target.Start, cancellationToken);

        var moved = (await slots.GetAsync(target.Id, cancellationToken))!;
        var personal = await PersonalData.OpenAsync(cipher, record, cancellationToken);
        return BookingDto.From(record, personal, moved.ToDto(settings.Zone));
    }
}
