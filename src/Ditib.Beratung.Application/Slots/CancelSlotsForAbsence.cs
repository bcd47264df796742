using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Messages;
using Ditib.Beratung.Domain.Scheduling;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Slots;

/// <summary>
/// A counsellor's absence (illness, leave): cancels her open slots on the local days From..To that have not begun.
/// Their confirmed bookings become "cancelled by the centre" with the reason, and each resident is told in their
/// language through the outbox. With <see cref="DryRun"/> it only reports what it would cancel (the preview).
/// Recording the same absence again cancels nothing twice.
/// </summary>
public sealed record CancelSlotsForAbsence(Guid CounsellorId, string? From, string? To, string? Reason, bool DryRun) : ICommand<AbsenceReport>;

/// <summary>Slots and bookings cancelled (or with <see cref="DryRun"/> to be cancelled); one booking is one resident.</summary>
public sealed record AbsenceReport(bool DryRun, int Slots, int Bookings, IReadOnlyList<AffectedBooking> Affected);

/// <summary>A booking the absence cancels, with the channels its message goes out on; none means the desk has to phone.</summary>
public sealed record AffectedBooking(string Reference, string Start, string Language, IReadOnlyList<string> Channels);

public sealed class CancelSlotsForAbsenceValidator : AbstractValidator<CancelSlotsForAbsence>
{
    public CancelSlotsForAbsenceValidator()
    {
        this.DateRange(a => a.From, a => a.To, Absence.MaxDays);
        RuleFor(a => a.Reason).NotEmpty().PlainText(Absence.MaxReasonLength);
    }
}

public sealed class CancelSlotsForAbsenceHandler(
    ScheduleAccess access, ISlotRepository slots, IBookingRepository bookings, IOutbox outbox, BookingMessages messages, IAuditTrail audit,
    CentreSettings settings, IClock clock)
    : IRequestHandler<CancelSlotsForAbsence, AbsenceReport>
{
    public async Task<AbsenceReport> Handle(CancelSlotsForAbsence request, CancellationToken cancellationToken)
    {
        await access.EnsureCanManageAsync(request.CounsellorId, cancellationToken);
        var now = clock.GetCurrentInstant();
        var absence = new Absence(Formats.ParseDate(request.From!), Formats.ParseDate(request.To!), request.Reason!, now.InZone(settings.Zone).Date);

        var candidates = await slots.StartingInAsync(request.CounsellorId, absence.Days(settings.Zone), cancellationToken);
        var cancelled = request.DryRun
            ? absence.SlotsToCancel(candidates, settings.Zone, now)
            : absence.CancelSlots(candidates, settings.Zone, now);
        if (!request.DryRun)
        {
            foreach (var slot in cancelled)
            {
                await slots.UpdateStatusAsync(slot, now, cancellationToken);
            }
        }

        var starts = cancelled.ToDictionary(s => s.Id, s => s.Start);
        var active = (await bookings.ForSlotsAsync(starts.Keys, cancellationToken)).Where(r => r.Booking.IsActive).ToList();
        var affected = new List<AffectedBooking>(active.Count);
        foreach (var record in active.OrderBy(r => starts[r.Booking.SlotId]))
        {
            var start = Formats.Local(starts[record.Booking.SlotId], settings.Zone);
            affected.Add(new AffectedBooking(record.Booking.Reference, start, record.Language, await CancelAsync(record, absence, now, request.DryRun,
                cancellationToken)));
        }

        if (!request.DryRun)
        {
            await audit.RecordAsync(new AuditEvent("counsellor.absence", "counsellor", request.CounsellorId.ToString(),
                $"success: {cancelled.Count} slot(s), {affected.Count} booking(s) cancelled"), cancellationToken);
        }

        return new AbsenceReport(request.DryRun, cancelled.Count, affected.Count, affected);
    }

    /// <summary>Cancels the booking and queues its message; in a dry run only says which channels it would go out on.</summary>
    private async Task<IReadOnlyList<string>> CancelAsync(BookingRecord record, Absence absence, Instant now, bool dryRun,
        CancellationToken cancellationToken)
    {
        if (dryRun)
        {
            return await outbox.ChannelsOfAsync(record.Booking.Id, cancellationToken);
        }

        record.Booking.CancelByCentre(now, absence.Reason);
        await bookings.UpdateAsync(record.Booking, cancellationToken);
        return await messages.CancelledAsync(record.Booking, cancellationToken);
    }
}
