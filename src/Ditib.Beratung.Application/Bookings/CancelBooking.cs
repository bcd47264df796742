using System.Text.Json.Serialization;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Bookings;
using FluentValidation;
using MediatR;

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

public sealed class CancelBookingHandler(BookingAccess access, BookingChanges changes, IEnvelopeCipher cipher, CentreSettings settings)
    : IRequestHandler<CancelBooking, BookingDto>
{
    public async Task<BookingDto> Handle(CancelBooking request, CancellationToken cancellationToken)
    {
        var (record, slot) = await access.OpenAsync(request.Reference, request.Token, cancellationToken);
        var freed = await changes.CancelAsync(record, slot, ChangeWindow.OnlineUntil(settings.CancelCutoff), request.Reason, cancellationToken);
        var personal = await PersonalData.OpenAsync(cipher, record, cancellationToken);
        return BookingDto.From(record, personal, freed.ToDto(settings.Zone));
    }
}
