using System.Text.Json.Serialization;
using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Bookings;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Agenda;

/// <summary>
/// The desk moves a booking to another free slot on the resident's behalf, in one step, until the appointment
/// begins: the same change and message as the resident's own moving (<see cref="BookingChanges"/>); like booking at the
/// desk, the new slot may start inside the minimum notice. Audited with the staff member.
/// </summary>
public sealed record RescheduleBookingForCaller(Guid SlotId) : ICommand<DeskBookingDto>
{
    [JsonIgnore]
    public string? Reference { get; init; }
}

public sealed class RescheduleBookingForCallerValidator : AbstractValidator<RescheduleBookingForCaller>
{
    public RescheduleBookingForCallerValidator()
    {
        RuleFor(r => r.Reference).ReadableReference();
        RuleFor(r => r.SlotId).NotEmpty();
    }
}

public sealed class RescheduleBookingForCallerHandler(DeskBookingAccess access, BookingChanges changes, IAuditTrail audit)
    : IRequestHandler<RescheduleBookingForCaller, DeskBookingDto>
{
    public async Task<DeskBookingDto> Handle(RescheduleBookingForCaller request, CancellationToken cancellationToken)
    {
        var (record, current) = await access.OpenAsync(request.Reference!, cancellationToken);
        var moved = await changes.MoveAsync(record, current, request.SlotId, ChangeWindow.AtTheDesk, Duration.Zero, cancellationToken);
        await audit.RecordAsync(new AuditEvent("booking.reschedule-for-caller", "booking", record.Booking.Id.ToString()), cancellationToken);
        return await access.ShowAsync(record, moved, cancellationToken);
    }
}
