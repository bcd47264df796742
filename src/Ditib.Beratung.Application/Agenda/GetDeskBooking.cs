using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using FluentValidation;
using MediatR;

namespace Ditib.Beratung.Application.Agenda;

/// <summary>The desk looks up a caller's booking by its reference (typed loosely); every look-up is audited.</summary>
public sealed record GetDeskBooking(string? Reference) : IRequest<DeskBookingDto>;

public sealed class GetDeskBookingValidator : AbstractValidator<GetDeskBooking>
{
    public GetDeskBookingValidator() => RuleFor(g => g.Reference).ReadableReference();
}

public sealed class GetDeskBookingHandler(DeskBookingAccess access, IAuditTrail audit) : IRequestHandler<GetDeskBooking, DeskBookingDto>
{
    public async Task<DeskBookingDto> Handle(GetDeskBooking request, CancellationToken cancellationToken)
    {
        var (record, slot) = await access.OpenAsync(request.Reference!, cancellationToken);
        await audit.RecordAsync(new AuditEvent("booking.desk-read", "booking", record.Booking.Id.ToString()), cancellationToken);
        return await access.ShowAsync(record, slot, cancellationToken);
    }
}
