using Ditib.Beratung.Domain.Common;
using NodaTime;

namespace Ditib.Beratung.Domain.Scheduling;

public sealed record PlannedSlot(Instant Start, Instant End, SlotMode Mode, string? Location, int Capacity)
{
    public Interval Interval => new(Start, End);
}

/// <summary>
/// Turns consultation hours into slots for a date range.
/// Daylight-saving rule: slots are laid out in local time and each local start and end is mapped to an instant in
/// the centre's zone. A slot is created only when both its local start and end exist (the spring gap, e.g.
/// 02:00-03:00 on 29 March 2026, has no slots) and it lasts exactly its template length in real time. A local time
/// that exists twice (the autumn overlap, 02:00-03:00 on 25 October 2026) is taken at its first occurrence, so a
/// slot inside the repeated hour happens once, in summer time, and one that would straddle the change is dropped.
/// </summary>
public static class SlotPlanner
{
    /// <summary>Keeps one publish from holding the write lock for long (a busy year is about 3,000 slots).</summary>
    public const int MaxSlotsAtOnce = 5000;

    public static IReadOnlyList<PlannedSlot> Plan(ConsultationHours hours, LocalDate from, LocalDate to, DateTimeZone zone)
    {
        var slots = new List<PlannedSlot>();
        for (var date = from; date <= to; date = date.PlusDays(1))
        {
            foreach (var window in hours.WindowsOn(date).OrderBy(w => w.From))
            {
                foreach (var localStart in window.SlotStarts())
                {
                    var slot = TryMap(date, localStart, window, zone);
                    if (slot is not null)
                    {
                        slots.Add(slot);
                    }
                }
            }
        }

        return slots;
    }

    /// <summary>
    /// The slots publishing the range creates: planned from the hours, starting after <paramref name="now"/>, and not
    /// clashing with the counsellor's <paramref name="existing"/> slots. Publishing and its preview both count with
    /// this, so the preview's number is what publishing creates. More than <see cref="MaxSlotsAtOnce"/> is refused.
    /// </summary>
    public static IReadOnlyList<PlannedSlot> PlanToPublish(
        ConsultationHours hours, LocalDate from, LocalDate to, DateTimeZone zone, Instant now, IReadOnlyList<Interval> existing)
    {
        var planned = Plan(hours, from, to, zone).Where(p => p.Start > now).ToList();
        var fresh = WithoutClashes(planned, existing);
        if (fresh.Count > MaxSlotsAtOnce)
        {
            throw new DomainRuleException(
                $"Publishing would create {fresh.Count} slots; publish a shorter range (at most {MaxSlotsAtOnce} slots at once).", "to");
        }

        return fresh;
    }

    /// <summary>Maps one local slot to instants, or null when the daylight-saving rule above drops it.</summary>
    public static PlannedSlot? TryMap(LocalDate date, LocalTime localStart, HoursWindow window, DateTimeZone zone)
    {
        var start = Map(date.At(localStart), zone);
        var end = Map(date.At(localStart).PlusMinutes(window.SlotMinutes), zone);
        if (start is null || end is null || end.Value - start.Value != Duration.FromMinutes(window.SlotMinutes))
        {
            return null;
        }

        return new PlannedSlot(start.Value, end.Value, window.Mode, window.Location, window.Capacity);
    }

    /// <summary>An ad-hoc slot at a local start (it may end after midnight), or null when the rule above drops it.</summary>
    public static PlannedSlot? TryMapAdHoc(LocalDateTime localStart, int minutes, SlotMode mode, string? location, int capacity,
        DateTimeZone zone)
    {
        var start = Map(localStart, zone);
        var end = Map(localStart.PlusMinutes(minutes), zone);
        return start is null || end is null || end.Value - start.Value != Duration.FromMinutes(minutes)
            ? null
            : new PlannedSlot(start.Value, end.Value, mode, location, capacity);
    }

    /// <summary>Maps a local time to its instant: the first occurrence when ambiguous, null when skipped.</summary>
    public static Instant? Map(LocalDateTime local, DateTimeZone zone)
    {
        var mapping = zone.MapLocal(local);
        return mapping.Count == 0 ? null : mapping.First().ToInstant();
    }

    /// <summary>Leaves out planned slots that clash with slots the counsellor already has (open or cancelled).</summary>
    public static IReadOnlyList<PlannedSlot> WithoutClashes(IReadOnlyList<PlannedSlot> planned, IReadOnlyList<Interval> existing)
    {
        // Sorted by start, an interval can only clash with the ones that start before it ends: a binary search
        // finds where to stop looking, so publishing a year stays fast however many slots already exist.
        var starts = existing.OrderBy(e => e.Start).ToArray();
        var longest = starts.Length == 0 ? Duration.Zero : starts.Max(e => e.Duration);
        return planned.Where(p => !Clashes(p, starts, longest)).ToList();
    }

    private static bool Clashes(PlannedSlot slot, Interval[] existing, Duration longest)
    {
        var index = LowerBound(existing, slot.Start - longest);
        for (; index < existing.Length && existing[index].Start < slot.End; index++)
        {
            if (slot.Start < existing[index].End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first index whose interval starts at or after <paramref name="instant"/>.</summary>
    private static int LowerBound(Interval[] sorted, Instant instant)
    {
        var (low, high) = (0, sorted.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sorted[middle].Start < instant)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
