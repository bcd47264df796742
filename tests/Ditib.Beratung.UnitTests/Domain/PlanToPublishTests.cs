using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Domain.Scheduling;
using NodaTime;

namespace Ditib.Beratung.UnitTests.Domain;

public sealed class PlanToPublishTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    // Wednesdays 09:00-12:00 in 60-minute slots.
    private static readonly ConsultationHours Wednesdays = new(
        [new WeeklyHours(IsoDayOfWeek.Wednesday, new HoursWindow(new LocalTime(9, 0), new LocalTime(12, 0), 60, SlotMode.InPerson, "Raum 2", 1))], []);

    private static readonly LocalDate Wednesday = new(2026, 12, 2);

    [Fact]
    public void PlanToPublish_LeavesOutSlotsThatHaveBegun_AndThoseClashingWithExistingOnes()
    {
        // 10:30 in Berlin: 09:00 and 10:00 have begun; 11:00 clashes with an existing (e.g. cancelled) slot.
        var now = Instant.FromUtc(2026, 12, 2, 9, 30);
        List<Interval> existing = [new(Instant.FromUtc(2026, 12, 9, 10, 0), Instant.FromUtc(2026, 12, 9, 11, 0))];

        var planned = SlotPlanner.PlanToPublish(Wednesdays, Wednesday, Wednesday.PlusWeeks(1), Berlin, now, existing);

        Assert.Equal(
            [Instant.FromUtc(2026, 12, 2, 10, 0), Instant.FromUtc(2026, 12, 9, 8, 0), Instant.FromUtc(2026, 12, 9, 9, 0)],
            planned.Select(p => p.Start));
    }

    [Fact]
    public void PlanToPublish_WhenMoreThanTheMaximum_RefusesOnTheToField()
    {
        var busy = new ConsultationHours(
            [.. Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None)
                .Select(d => new WeeklyHours(d, new HoursWindow(new LocalTime(0, 0), new LocalTime(23, 0), 5, SlotMode.Phone, null, 1)))], []);

        var error = Assert.Throws<DomainRuleException>(() =>
            SlotPlanner.PlanToPublish(busy, Wednesday, Wednesday.PlusDays(30), Berlin, Instant.FromUtc(2026, 12, 1, 0, 0), []));

        Assert.Equal("to", error.Field);
    }
}
