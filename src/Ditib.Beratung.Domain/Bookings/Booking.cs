using Ditib.Beratung.Domain.Common;
using NodaTime;

namespace Ditib.Beratung.Domain.Bookings;

public enum BookedBy
{
    Resident,
    Staff,
}

/// <summary>
/// A resident's appointment. Contact data and concern are held encrypted outside this type; the domain only needs
/// the status, the slot and the version counter that the calendar's SEQUENCE follows.
/// </summary>
public sealed class Booking(Guid id, string reference, Guid slotId, BookingStatus status, int sequence)
{
    public Guid Id { get; } = id;
    public string Reference { get; } = reference;
    public Guid SlotId { get; private set; } = slotId;
    public BookingStatus Status { get; private set; } = status;

    /// <summary>Raised on every change the resident's calendar must follow (iCalendar SEQUENCE).</summary>
    public int Sequence { get; private set; } = sequence;

    public string? StatusReason { get; private set; }
    public Instant? StatusChangedAt { get; private set; }

    public bool IsActive => Status == BookingStatus.Confirmed;

    /// <summary>Rebuilds a stored booking.</summary>
    public static Booking Restore(Guid id, string reference, Guid slotId, BookingStatus status, int sequence, string? statusReason,
        Instant? statusChangedAt) =>
        new(id, reference, slotId, status, sequence) { StatusReason = statusReason, StatusChangedAt = statusChangedAt };

    /// <summary>A manage link works until the appointment is over.</summary>
    public static void EnsureLinkValid(Instant now, Instant slotEnd)
    {
        if (now >= slotEnd)
        {
            throw new GoneException("This booking link has expired because the appointment is over.");
        }
    }

    public void CancelByResident(Instant now, Instant slotStart, Duration cutoff, string? reason) =>
        CancelByResident(now, slotStart, ChangeWindow.OnlineUntil(cutoff), reason);

    /// <summary>The resident cancels: online with the link, or through the desk on the phone (still the resident's wish).</summary>
    public void CancelByResident(Instant now, Instant slotStart, ChangeWindow window, string? reason)
    {
        EnsureConfirmed("cancelled");
        window.Ensure(now, slotStart, "cancelled");
        Change(BookingStatus.CancelledByResident, now, reason);
    }

    public void CancelByCentre(Instant now, string reason)
    {
        if (Status != BookingStatus.Confirmed)
        {
            return;
        }

        Change(BookingStatus.CancelledByCentre, now, reason);
    }

    public void MoveTo(Guid slotId, Instant now, Instant currentSlotStart, Duration cutoff) =>
        MoveTo(slotId, now, currentSlotStart, ChangeWindow.OnlineUntil(cutoff));

    public void MoveTo(Guid slotId, Instant now, Instant currentSlotStart, ChangeWindow window)
    {
        EnsureConfirmed("rescheduled");
        if (slotId == SlotId)
        {
            throw new DomainRuleException("The booking is already in this slot.", "slotId");
        }

        window.Ensure(now, currentSlotStart, "moved");
        SlotId = slotId;
        Sequence++;
        StatusChangedAt = now;
    }

    public void RecordAttendance(bool attended, Instant now, Instant slotStart)
    {
        if (!Status.HoldsAPlace())
        {
            throw new ConflictException($"A booking in state '{Status.ToCode()}' has no attendance to record.");
        }

        if (now < slotStart)
        {
            throw new DomainRuleException("Attendance can be recorded once the appointment has begun.");
        }

        Change(attended ? BookingStatus.Attended : BookingStatus.NoShow, now, null);
    }

    private void EnsureConfirmed(string verb)
    {
        if (Status != BookingStatus.Confirmed)
        {
            throw new ConflictException($"The booking is '{Status.ToCode()}' and cannot be {verb}.");
        }
    }

    private void Change(BookingStatus status, Instant now, string? reason)
    {
        Status = status;
        StatusReason = reason;
        StatusChangedAt = now;
        Sequence++;
    }
}
