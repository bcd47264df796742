using System.Text.Json.Serialization;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Bookings;
using FluentValidation;
using MediatR;

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

public sealed class RescheduleBookingHandler(BookingAccess access, BookingChanges changes, IEnvelopeCipher cipher, CentreSettings settings)
    : IRequestHandler<RescheduleBooking, BookingDto>
{
    public async Task<BookingDto> Handle(RescheduleBooking request, CancellationToken cancellationToken)
    {
        var (record, current) = await access.OpenAsync(request.Reference, request.Token, cancellationToken);
        var moved = await changes.MoveAsync(record, current, request.SlotId, ChangeWindow.OnlineUntil(settings.CancelCutoff), settings.MinimumNotice,
            cancellationToken);
        var personal = await PersonalData.OpenAsync(cipher, record, cancellationToken);
        return BookingDto.From(record, personal, moved.ToDto(settings.Zone));
    }
}
