using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Messages;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Slots;

/// <summary>The centre cancels a slot; its confirmed bookings become "cancelled by the centre" with the reason.</summary>
public sealed record CancelSlot(Guid SlotId, string? Reason) : ICommand<CancelSlotResult>;

public sealed record CancelSlotResult(Guid SlotId, int CancelledBookings);

public sealed class CancelSlotValidator : AbstractValidator<CancelSlot>
{
    public CancelSlotValidator() => RuleFor(c => c.Reason).NotEmpty().SingleLine(500);
}

public sealed class CancelSlotHandler(
    ScheduleAccess access, ISlotRepository slots, IBookingRepository bookings, IAuditTrail audit, IClock clock, BookingMessages messages,
    IIdempotencyStore idempotency)
    : IRequestHandler<CancelSlot, CancelSlotResult>
{
    public async Task<CancelSlotResult> Handle(CancelSlot request, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var slot = await slots.GetAsync(request.SlotId, cancellationToken) ?? throw new NotFoundException("Slot not found.");
        await access.EnsureCanManageAsync(slot.CounsellorId, cancellationToken);
        slot.Cancel(request.Reason!.Trim());
        await slots.UpdateStatusAsync(slot, now, cancellationToken);

        var affected = await bookings.ActiveForSlotAsync(slot.Id, cancellationToken);
        foreach (var booking in affected)
        {
            booking.CancelByCentre(now, slot.CancelReason!);
            await bookings.UpdateAsync(booking, cancellationToken);
            await messages.CancelledAsync(booking, cancellationToken);
            await idempotency.ForgetAsync(BookingCreatedDto.SubjectOf(booking.Reference), cancellationToken);
        }

        await audit.RecordAsync(new AuditEvent("slot.cancel", "slot", slot.Id.ToString(), $"success: {affected.Count} booking(s) cancelled"),
            cancellationToken);
        return new CancelSlotResult(slot.Id, affected.Count);
    }
}
