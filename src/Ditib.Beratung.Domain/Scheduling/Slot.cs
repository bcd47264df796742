using Ditib.Beratung.Domain.Common;
using NodaTime;

namespace Ditib.Beratung.Domain.Scheduling;

public enum SlotStatus
{
    Open,
    Cancelled,
}

public static class SlotStatuses
{
    public static string ToCode(this SlotStatus status) => status == SlotStatus.Cancelled ? "cancelled" : "open";

    public static SlotStatus Parse(string code) => code == "cancelled" ? SlotStatus.Cancelled : SlotStatus.Open;
}

/// <summary>
/// A consultation slot. Loaded by its repository it also knows how many places are taken and its counsellor's offer,
/// so that it can answer whether a request can have a place (<see cref="EnsureBookable"/>).
/// </summary>
public sealed class Slot
{
    public Slot(Guid id, Guid counsellorId, Instant start, Instant end, SlotMode mode, string? location, int capacity,
        SlotStatus status, string? cancelReason = null, int placesTaken = 0, SlotCounsellor? counsellor = null)
    {
        if (end <= start)
        {
            throw new DomainRuleException("A slot must end after it starts.", "end");
        }

        if (capacity is < 1 or > HoursWindow.MaxCapacity)
        {
            throw new DomainRuleException($"Capacity is between 1 and {HoursWindow.MaxCapacity}.", "capacity");
        }

        Id = id;
        CounsellorId = counsellorId;
        Start = start;
        End = end;
        Mode = mode;
        Location = location;
        Capacity = capacity;
        Status = status;
        CancelReason = cancelReason;
        PlacesTaken = placesTaken;
        Counsellor = counsellor;
    }

    public Guid Id { get; }
    public Guid CounsellorId { get; }
    public Instant Start { get; }
    public Instant End { get; }
    public SlotMode Mode { get; }
    public string? Location { get; }
    public int Capacity { get; }
    public SlotStatus Status { get; private set; }
    public string? CancelReason { get; private set; }

    /// <summary>Places held by bookings (confirmed, attended, no-show).</summary>
    public int PlacesTaken { get; }

    public int Remaining => Math.Max(0, Capacity - PlacesTaken);

    /// <summary>The counsellor as loaded with the slot; null for a slot that is being planned or published.</summary>
    public SlotCounsellor? Counsellor { get; }

    /// <summary>
    /// Whether the request can have a place now, with an answer per reason: the availability rule (open, counsellor
    /// active, ahead of the notice, a free place), then the counsellor advises on the topic and speaks the language
    /// (or an interpreter is asked for).
    /// </summary>
    public void EnsureBookable(PlaceRequest request, Instant now)
    {
        var counsellor = Counsellor ?? throw new InvalidOperationException("The slot was loaded without its counsellor.");
        switch (Availability.Check(Status, counsellor.Active, Start, Remaining, now, request.MinimumNotice))
        {
            case Unavailability.Cancelled:
                throw new ConflictException("This slot has been cancelled.");
            case Unavailability.CounsellorInactive:
                throw new ConflictException("This counsellor is not taking bookings at the moment.");
            case Unavailability.Full:
                throw new ConflictException("This slot is fully booked.");
            case Unavailability.InThePast:
                throw new DomainRuleException("This slot is in the past.", "slotId");
            case Unavailability.InsideNotice:
                throw new DomainRuleException(
                    $"Appointments must be booked at least {request.MinimumNotice.TotalMinutes:0} minutes ahead; please call the centre.", "slotId");
        }

        if (!counsellor.Topics.Contains(request.Topic))
        {
            throw new DomainRuleException("The counsellor of this slot does not advise on this topic.", "topic");
        }

        if (!request.InterpreterNeeded && !counsellor.Languages.Contains(request.Language))
        {
            throw new DomainRuleException(
                "The counsellor of this slot does not speak this language; choose another slot or ask for an interpreter.", "language");
        }
    }

    public void Cancel(string reason)
    {
        if (Status == SlotStatus.Cancelled)
        {
            throw new ConflictException("The slot is already cancelled.");
        }

        Status = SlotStatus.Cancelled;
        CancelReason = reason;
    }
}
