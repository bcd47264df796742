using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Domain.Bookings;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Agenda;

/// <summary>Staff mark a booking as attended or no-show once the appointment has begun.</summary>
public sealed record RecordAttendance(string? Outcome) : ICommand<AttendanceDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string Reference { get; init; } = "";
}

public sealed record AttendanceDto(string Reference, string Status);

public sealed class RecordAttendanceValidator : AbstractValidator<RecordAttendance>
{
    public RecordAttendanceValidator() =>
        RuleFor(a => a.Outcome).NotEmpty().Must(o => o is "attended" or "no-show")
            .WithMessage("'{PropertyName}' must be 'attended' or 'no-show'.");
}

public sealed class RecordAttendanceHandler(
    ScheduleAccess access, IBookingRepository bookings, ISlotQueries slots, IAuditTrail audit, IClock clock)
    : IRequestHandler<RecordAttendance, AttendanceDto>
{
    public async Task<AttendanceDto> Handle(RecordAttendance request, CancellationToken cancellationToken)
    {
        var record = (BookingReference.TryNormalise(request.Reference, out var reference) ? await bookings.GetAsync(reference, cancellationToken) : null)
            ?? throw new NotFoundException("Booking not found.");
        var slot = (await slots.GetAsync(record.Booking.SlotId, cancellationToken))!;
        try
        {
            await access.EnsureCanManageAsync(slot.CounsellorId, cancellationToken);
        }
        catch (ForbiddenException)
        {
            // Someone else's booking answers like an unknown one, so references cannot be probed.
            throw new NotFoundException("Booking not found.");
        }
        record.Booking.RecordAttendance(request.Outcome == "attended", clock.GetCurrentInstant(), slot.Start);
        await bookings.UpdateAsync(record.Booking, cancellationToken);
        await audit.RecordAsync(new AuditEvent("booking.attendance", "booking", record.Booking.Id.ToString(), $"success: {request.Outcome}"),
            cancellationToken);
        return new AttendanceDto(record.Booking.Reference, record.Booking.Status.ToCode());
    }
}
