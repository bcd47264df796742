using System.Text.Json.Serialization;
using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Bookings;
using FluentValidation;
using MediatR;

namespace Ditib.Beratung.Application.Agenda;

/// <summary>
/// The desk cancels a booking on the resident's behalf (a call, a visit) until the appointment begins: the same
/// change and message as the resident's own cancelling (<see cref="BookingChanges"/>), audited with the staff member.
/// </summary>
public sealed record CancelBookingForCaller(string? Reason) : ICommand<DeskBookingDto>
{
    [JsonIgnore]
    public string? Reference { get; init; }
}

public sealed class CancelBookingForCallerValidator : AbstractValidator<CancelBookingForCaller>
{
    public CancelBookingForCallerValidator()
    {
        RuleFor(c => c.Reference).ReadableReference();
        RuleFor(c => c.Reason).SingleLine(500);
    }
}

public sealed class CancelBookingForCallerHandler(DeskBookingAccess access, BookingChanges changes, IAuditTrail audit)
    : IRequestHandler<CancelBookingForCaller, DeskBookingDto>
{
    public async Task<DeskBookingDto> Handle(CancelBookingForCaller request, CancellationToken cancellationToken)
    {
        var (record, slot) = await access.OpenAsync(request.Reference!, cancellationToken);
        var freed = await changes.CancelAsync(record, slot, ChangeWindow.AtTheDesk, request.Reason, cancellationToken);
        await audit.RecordAsync(new AuditEvent("booking.cancel-for-caller", "booking", record.Booking.Id.ToString()), cancellationToken);
        return await access.ShowAsync(record, freed, cancellationToken);
    }
}
