using Ditib.Beratung.Application.Common;
using MediatR;

namespace Ditib.Beratung.Application.Bookings;

public sealed record GetBooking(string Reference, string? Token) : IRequest<BookingDto>;

public sealed class GetBookingHandler(BookingAccess access, IEnvelopeCipher cipher, CentreSettings settings)
    : IRequestHandler<GetBooking, BookingDto>
{
    public async Task<BookingDto> Handle(GetBooking request, CancellationToken cancellationToken)
    {
        var (record, slot) = await access.OpenAsync(request.Reference, request.Token, cancellationToken);
        var personal = await PersonalData.OpenAsync(cipher, record, cancellationToken);
        return BookingDto.From(record, personal, slot.ToDto(settings.Zone));
    }
}
