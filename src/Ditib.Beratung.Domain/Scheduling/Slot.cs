using Ditib.Beratung.Domain.Common;
using NodaTime;

namespace Ditib.Beratung.Domain.Scheduling;

public enum SlotStatus
{
    Open,
    Cancelled,
}

public sealed class Slot
{
    public Slot(Guid id, Guid counsellorId, Instant start, Instant end, SlotMode mode, string? location, int capacity,
        SlotStatus status, string? cancelReason = null)
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
