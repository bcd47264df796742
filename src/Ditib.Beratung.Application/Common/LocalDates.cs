using NodaTime;

namespace Ditib.Beratung.Application.Common;

public static class LocalDates
{
    /// <summary>From the start of the first day to the start of the day after the last, in the zone.</summary>
    public static Interval ToInterval(LocalDate from, LocalDate to, DateTimeZone zone) =>
        new(from.AtStartOfDayInZone(zone).ToInstant(), to.PlusDays(1).AtStartOfDayInZone(zone).ToInstant());
}
