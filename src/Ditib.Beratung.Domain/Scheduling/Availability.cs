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
/// The one rule that decides whether a slot can be booked. The slot search and every booking path use it (the latter
/// through <see cref="Slot.EnsureBookable"/>), so a slot that is listed can be booked and one that is not listed cannot.
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
}
