using Ditib.Beratung.Domain.Common;
using NodaTime;

namespace Ditib.Beratung.Domain.Bookings;

/// <summary>
/// Until when a resident's booking can still be cancelled or moved, by who asks: the resident online with the link
/// until the cut-off before the start; the desk, on the resident's behalf (a call, a visit), until the start itself.
/// After the start the appointment has an outcome (attended, no-show), not a change.
/// </summary>
public sealed record ChangeWindow
{
    private ChangeWindow(Duration beforeStart, bool online) => (BeforeStart, Online) = (beforeStart, online);

    public Duration BeforeStart { get; }

    public bool Online { get; }

    /// <summary>The desk acting for a caller or walk-in: until the appointment begins.</summary>
    public static ChangeWindow AtTheDesk { get; } = new(Duration.Zero, online: false);

    /// <summary>The resident with the manage link: until <paramref name="cutoff"/> before the start.</summary>
    public static ChangeWindow OnlineUntil(Duration cutoff) => new(cutoff, online: true);

    internal void Ensure(Instant now, Instant slotStart, string verb)
    {
        if (Online && now > slotStart - BeforeStart)
        {
            throw new DomainRuleException(
                $"Bookings can be {verb} online until {BeforeStart.TotalMinutes:0} minutes before the start; please call the centre.");
        }

        if (!Online && now >= slotStart)
        {
            throw new DomainRuleException($"The appointment has begun and can no longer be {verb}; record whether the resident came instead.");
        }
    }
}
