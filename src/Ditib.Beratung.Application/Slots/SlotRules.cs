using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Domain.Scheduling;
using NodaTime;

namespace Ditib.Beratung.Application.Slots;

public static class SlotRules
{
    /// <summary>Applies the availability rule with an answer per reason, and checks the topic is the counsellor's.</summary>
    public static void EnsureBookable(SlotRow slot, string topic, Instant now, Duration minimumNotice)
    {
        switch (slot.Unavailability(now, minimumNotice))
        {
            case Unavailability.Cancelled:
            case Unavailability.CounsellorInactive:
                throw new ConflictException("This slot has been cancelled.");
            case Unavailability.Full:
                throw new ConflictException("This slot is fully booked.");
            case Unavailability.InThePast:
                throw new DomainRuleException("This slot is in the past.", "slotId");
            case Unavailability.InsideNotice:
                throw new DomainRuleException(
                    $"Appointments must be booked at least {minimumNotice.TotalMinutes:0} minutes ahead; please call the centre.", "slotId");
        }

        if (!slot.Topics.Contains(topic))
        {
            throw new DomainRuleException("The counsellor of this slot does not advise on this topic.", "topic");
        }
    }
}
