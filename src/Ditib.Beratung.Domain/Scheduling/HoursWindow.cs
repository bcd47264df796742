using Ditib.Beratung.Domain.Common;
using NodaTime;

namespace Ditib.Beratung.Domain.Scheduling;

/// <summary>A stretch of consultation time in local time, cut into slots of equal length.</summary>
public sealed record HoursWindow
{
    public const int MaxCapacity = 50;

    public HoursWindow(LocalTime from, LocalTime to, int slotMinutes, SlotMode mode, string? location, int capacity)
    {
        if (to <= from)
        {
            throw new DomainRuleException("The end of consultation hours must be after their start.", "to");
        }

        if (slotMinutes is < 5 or > 480)
        {
            throw new DomainRuleException("A slot lasts between 5 and 480 minutes.", "slotMinutes");
        }

        if (capacity is < 1 or > MaxCapacity)
        {
            throw new DomainRuleException($"Capacity is between 1 and {MaxCapacity}.", "capacity");
        }

        From = from;
        To = to;
        SlotMinutes = slotMinutes;
        Mode = mode;
        Location = location;
        Capacity = capacity;
    }

    public LocalTime From { get; }
    public LocalTime To { get; }
    public int SlotMinutes { get; }
    public SlotMode Mode { get; }
    public string? Location { get; }
    public int Capacity { get; }

    public bool Overlaps(HoursWindow other) => From < other.To && other.From < To;

    /// <summary>The local start times of the slots that fit completely into the window.</summary>
    public IEnumerable<LocalTime> SlotStarts()
    {
        var length = Period.FromMinutes(SlotMinutes);
        var start = From;
        // LocalTime wraps at midnight, so compare minutes of the day rather than times.
        var startMinute = (long)From.TickOfDay / NodaConstants.TicksPerMinute;
        var endMinute = (long)To.TickOfDay / NodaConstants.TicksPerMinute;
        for (var minute = startMinute; minute + SlotMinutes <= endMinute; minute += SlotMinutes)
        {
            yield return start;
            start = start.Plus(length);
        }
    }
}
