using Ditib.Beratung.Domain.Common;
using NodaTime;

namespace Ditib.Beratung.Domain.Scheduling;

/// <summary>
/// A counsellor's absence (illness, leave) over whole local days. It cancels her open slots that start on those days
/// and have not begun yet; slots already cancelled and slots already begun are left alone, so recording the same
/// absence again cancels nothing twice. At most <see cref="MaxDays"/> days at once, and not wholly in the past.
/// </summary>
public sealed class Absence
{
    /// <summary>About three months: a longer absence is recorded in several steps, so one command stays short.</summary>
    public const int MaxDays = 92;

    public const int MaxReasonLength = 500;

    public Absence(LocalDate from, LocalDate to, string reason, LocalDate today)
    {
        if (to < from)
        {
            throw new DomainRuleException("'to' must not be before 'from'.", "to");
        }

        if (Period.DaysBetween(from, to) >= MaxDays)
        {
            throw new DomainRuleException($"An absence may span at most {MaxDays} days; record a longer one in several steps.", "to");
        }

        if (to < today)
        {
            throw new DomainRuleException("The absence lies wholly in the past.", "to");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength)
        {
            throw new DomainRuleException($"A reason of at most {MaxReasonLength} characters is needed.", "reason");
        }

        (From, To, Reason) = (from, to, reason.Trim());
    }

    public LocalDate From { get; }
    public LocalDate To { get; }
    public string Reason { get; }

    /// <summary>From the start of the first day to the start of the day after the last, in the centre's zone.</summary>
    public Interval Days(DateTimeZone zone) =>
        new(From.AtStartOfDayInZone(zone).ToInstant(), To.PlusDays(1).AtStartOfDayInZone(zone).ToInstant());

    /// <summary>The slots this absence cancels: open, starting on one of its days, not yet begun.</summary>
    public IReadOnlyList<Slot> SlotsToCancel(IEnumerable<Slot> slots, DateTimeZone zone, Instant now)
    {
        var days = Days(zone);
        return slots
            .Where(s => s.Status == SlotStatus.Open && days.Contains(s.Start) && s.Start > now)
            .OrderBy(s => s.Start)
            .ToList();
    }

    /// <summary>Cancels the slots this absence covers (see <see cref="SlotsToCancel"/>) with its reason and returns them.</summary>
    public IReadOnlyList<Slot> CancelSlots(IEnumerable<Slot> slots, DateTimeZone zone, Instant now)
    {
        var affected = SlotsToCancel(slots, zone, now);
        foreach (var slot in affected)
        {
            slot.Cancel(Reason);
        }

        return affected;
    }
}
