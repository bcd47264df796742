using Ditib.Beratung.Domain.Common;
using NodaTime;

namespace Ditib.Beratung.Domain.Scheduling;

public enum Unavailability
{
    Cancelled,
    CounsellorInactive,
    InThePast,
    InsideNotice,
    Full,
}

/// <summary>
/// The one rule that decides whether a slot can be booked. The slot search and every booking path use it, so a
/// slot that is listed can be booked and one that is not listed cannot.
/// </summary>
public static class Availability
{
    public static Unavailability? Check(
        SlotStatus status, bool counsellorActive, Instant start, int remainingCapacity, Instant now, Duration minimumNotice)
    {
        if (status == SlotStatus.Cancelled)
        {
            return Unavailability.Cancelled;
        }

        if (!counsellorActive)
        {
            return Unavailability.CounsellorInactive;
        }

        if (start <= now)
        {
            return Unavailability.InThePast;
        }

        if (start < now + minimumNotice)
        {
            return Unavailability.InsideNotice;
        }

        return remainingCapacity <= 0 ? Unavailability.Full : null;
    }

    public static bool IsBookable(
        SlotStatus status, bool counsellorActive, Instant start, int remainingCapacity, Instant now, Duration minimumNotice) =>
        Check(status, counsellorActive, start, remainingCapacity, now, minimumNotice) is null;

    /// <summary>
    /// The same rule with an answer per reason, for booking and rescheduling; also checks that the counsellor
    /// advises on the topic and speaks the language (or an interpreter is asked for).
    /// </summary>
    public static void EnsureBookable(
        SlotStatus status, bool counsellorActive, Instant start, int remainingCapacity, Instant now, Duration minimumNotice,
        IReadOnlyCollection<string> counsellorTopics, string topic, IReadOnlyCollection<string> counsellorLanguages, string language,
        bool interpreterNeeded)
    {
        switch (Check(status, counsellorActive, start, remainingCapacity, now, minimumNotice))
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
                    $"Appointments must be booked at least {minimumNotice.TotalMinutes:0} minutes ahead; please call the centre.", "slotId");
        }

        if (!counsellorTopics.Contains(topic))
        {
            throw new DomainRuleException("The counsellor of this slot does not advise on this topic.", "topic");
        }

        if (!interpreterNeeded && !counsellorLanguages.Contains(language))
        {
            throw new DomainRuleException(
                "The counsellor of this slot does not speak this language; choose another slot or ask for an interpreter.", "language");
        }
    }
}
