using Ditib.Beratung.Domain.Scheduling;
using NodaTime;

namespace Ditib.Beratung.UnitTests.Domain;

/// <summary>
/// The daylight-saving weeks of 2026 in Europe/Berlin: clocks go forward at 02:00 on Sunday 29 March (01:00Z) and back
/// at 03:00 on Sunday 25 October (01:00Z).
/// </summary>
public sealed class SlotPlannerDstTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private static readonly Instant SpringChange = Instant.FromUtc(2026, 3, 29, 1, 0);
    private static readonly Instant AutumnChange = Instant.FromUtc(2026, 10, 25, 1, 0);

    private static readonly ConsultationHours MorningsEveryDay = new(
        Enumerable.Range(1, 7)
            .Select(day => new WeeklyHours((IsoDayOfWeek)day, Window(new LocalTime(9, 0), new LocalTime(12, 0), 45)))
            .ToList(),
        []);

    [Fact]
    public void Plan_InSpringDstFortnight_MakesFourFortyFiveMinuteSlotsEveryDay()
    {
        var plan = SlotPlanner.Plan(MorningsEveryDay, new LocalDate(2026, 3, 23), new LocalDate(2026, 4, 5), Berlin);

        Assert.Equal(14 * 4, plan.Count);
        Assert.All(plan, slot => Assert.Equal(Duration.FromMinutes(45), slot.End - slot.Start));
        Assert.All(
            plan.GroupBy(slot => slot.Start.InZone(Berlin).Date),
            day => Assert.Equal(4, day.Count()));
    }

    [Fact]
    public void Plan_InSpringDstFortnight_NineLocalIsEightUtcBeforeTheChangeAndSevenUtcFromSunday()
    {
        var plan = SlotPlanner.Plan(MorningsEveryDay, new LocalDate(2026, 3, 23), new LocalDate(2026, 4, 5), Berlin);

        for (var date = new LocalDate(2026, 3, 23); date <= new LocalDate(2026, 4, 5); date = date.PlusDays(1))
        {
            var utcHour = date < new LocalDate(2026, 3, 29) ? 8 : 7;
            Assert.Equal(ExpectedMorning(date, utcHour), StartsOn(plan, date));
        }
    }

    [Fact]
    public void Plan_InSpringDstWeek_MondayNineIsSevenUtc()
    {
        var plan = SlotPlanner.Plan(MorningsEveryDay, new LocalDate(2026, 3, 30), new LocalDate(2026, 3, 30), Berlin);

        Assert.Equal(Instant.FromUtc(2026, 3, 30, 7, 0), plan[0].Start);
    }

    [Fact]
    public void Plan_OnSaturdayBeforeSpringChange_SlotsAreAtEightUtcAndAfter()
    {
        var plan = SlotPlanner.Plan(MorningsEveryDay, new LocalDate(2026, 3, 28), new LocalDate(2026, 3, 28), Berlin);

        Assert.Equal(
            [
                (Instant.FromUtc(2026, 3, 28, 8, 0), Instant.FromUtc(2026, 3, 28, 8, 45)),
                (Instant.FromUtc(2026, 3, 28, 8, 45), Instant.FromUtc(2026, 3, 28, 9, 30)),
                (Instant.FromUtc(2026, 3, 28, 9, 30), Instant.FromUtc(2026, 3, 28, 10, 15)),
                (Instant.FromUtc(2026, 3, 28, 10, 15), Instant.FromUtc(2026, 3, 28, 11, 0)),
            ],
            plan.Select(slot => (slot.Start, slot.End)));
    }

    [Fact]
    public void Plan_OnSundayOfSpringChange_SlotsAreAtSevenUtcAndAfter()
    {
        var plan = SlotPlanner.Plan(MorningsEveryDay, new LocalDate(2026, 3, 29), new LocalDate(2026, 3, 29), Berlin);

        Assert.Equal(
            [
                (Instant.FromUtc(2026, 3, 29, 7, 0), Instant.FromUtc(2026, 3, 29, 7, 45)),
                (Instant.FromUtc(2026, 3, 29, 7, 45), Instant.FromUtc(2026, 3, 29, 8, 30)),
                (Instant.FromUtc(2026, 3, 29, 8, 30), Instant.FromUtc(2026, 3, 29, 9, 15)),
                (Instant.FromUtc(2026, 3, 29, 9, 15), Instant.FromUtc(2026, 3, 29, 10, 0)),
            ],
            plan.Select(slot => (slot.Start, slot.End)));
    }

    [Fact]
    public void Plan_InAutumnDstFortnight_MakesFourFortyFiveMinuteSlotsEveryDay()
    {
        var plan = SlotPlanner.Plan(MorningsEveryDay, new LocalDate(2026, 10, 19), new LocalDate(2026, 11, 1), Berlin);

        Assert.Equal(14 * 4, plan.Count);
        Assert.All(plan, slot => Assert.Equal(Duration.FromMinutes(45), slot.End - slot.Start));
    }

    [Fact]
    public void Plan_InAutumnDstFortnight_NineLocalIsSevenUtcBeforeTheChangeAndEightUtcFromSunday()
    {
        var plan = SlotPlanner.Plan(MorningsEveryDay, new LocalDate(2026, 10, 19), new LocalDate(2026, 11, 1), Berlin);

        for (var date = new LocalDate(2026, 10, 19); date <= new LocalDate(2026, 11, 1); date = date.PlusDays(1))
        {
            var utcHour = date < new LocalDate(2026, 10, 25) ? 7 : 8;
            Assert.Equal(ExpectedMorning(date, utcHour), StartsOn(plan, date));
        }
    }

    [Fact]
    public void Plan_OnSaturdayBeforeAutumnChange_SlotsAreAtSevenUtcAndAfter()
    {
        var plan = SlotPlanner.Plan(MorningsEveryDay, new LocalDate(2026, 10, 24), new LocalDate(2026, 10, 24), Berlin);

        Assert.Equal(
            [
                (Instant.FromUtc(2026, 10, 24, 7, 0), Instant.FromUtc(2026, 10, 24, 7, 45)),
                (Instant.FromUtc(2026, 10, 24, 7, 45), Instant.FromUtc(2026, 10, 24, 8, 30)),
                (Instant.FromUtc(2026, 10, 24, 8, 30), Instant.FromUtc(2026, 10, 24, 9, 15)),
                (Instant.FromUtc(2026, 10, 24, 9, 15), Instant.FromUtc(2026, 10, 24, 10, 0)),
            ],
            plan.Select(slot => (slot.Start, slot.End)));
    }

    [Fact]
    public void Plan_OnSundayOfAutumnChange_SlotsAreAtEightUtcAndAfter()
    {
        var plan = SlotPlanner.Plan(MorningsEveryDay, new LocalDate(2026, 10, 25), new LocalDate(2026, 10, 25), Berlin);

        Assert.Equal(
            [
                (Instant.FromUtc(2026, 10, 25, 8, 0), Instant.FromUtc(2026, 10, 25, 8, 45)),
                (Instant.FromUtc(2026, 10, 25, 8, 45), Instant.FromUtc(2026, 10, 25, 9, 30)),
                (Instant.FromUtc(2026, 10, 25, 9, 30), Instant.FromUtc(2026, 10, 25, 10, 15)),
                (Instant.FromUtc(2026, 10, 25, 10, 15), Instant.FromUtc(2026, 10, 25, 11, 0)),
            ],
            plan.Select(slot => (slot.Start, slot.End)));
    }

    [Fact]
    public void Plan_NightAcrossSpringGap_KeepsOnlySlotsWhoseStartAndEndExist()
    {
        // 01:00-01:45 (CET) and 03:15-04:00 (CEST); 01:45-02:30 ends and 02:30-03:15 starts in the missing hour.
        var plan = PlanNight(new LocalDate(2026, 3, 29), 45);

        Assert.Equal(
            [
                (Instant.FromUtc(2026, 3, 29, 0, 0), Instant.FromUtc(2026, 3, 29, 0, 45)),
                (Instant.FromUtc(2026, 3, 29, 1, 15), Instant.FromUtc(2026, 3, 29, 2, 0)),
            ],
            plan.Select(slot => (slot.Start, slot.End)));
    }

    [Theory]
    [InlineData(15)]
    [InlineData(20)]
    [InlineData(30)]
    [InlineData(45)]
    [InlineData(36)]
    [InlineData(60)]
    public void Plan_NightAcrossSpringGap_NoSlotTouchesTheMissingHourAndAllLastTheirLength(int slotMinutes)
    {
        var plan = PlanNight(new LocalDate(2026, 3, 29), slotMinutes);

        Assert.NotEmpty(plan);
        AssertExactLengthAndNoOverlap(plan, slotMinutes);
        foreach (var slot in plan)
        {
            var localStart = slot.Start.InZone(Berlin).LocalDateTime;
            var localEnd = slot.End.InZone(Berlin).LocalDateTime;
            Assert.False(InMissingHour(localStart.TimeOfDay), $"starts at {localStart}");
            Assert.False(InMissingHour(localEnd.TimeOfDay), $"ends at {localEnd}");
            // Laid out in local time from 01:00 and not shifted by the gap: the local length is the real length.
            Assert.Equal(localStart.PlusMinutes(slotMinutes), localEnd);
            Assert.Equal(0, Period.Between(new LocalTime(1, 0), localStart.TimeOfDay, PeriodUnits.Minutes).Minutes % slotMinutes);
            Assert.False(slot.Start < SpringChange && SpringChange < slot.End, $"straddles the change: {slot}");
        }

        static bool InMissingHour(LocalTime time) => time >= new LocalTime(2, 0) && time < new LocalTime(3, 0);
    }

    [Fact]
    public void Plan_NightAcrossAutumnOverlap_TakesTheRepeatedHourOnceInSummerTime()
    {
        // 01:00-01:45 and 01:45-02:30 in summer time; 02:30-03:15 would straddle the change; 03:15-04:00 in winter time.
        var plan = PlanNight(new LocalDate(2026, 10, 25), 45);

        Assert.Equal(
            [
                (Instant.FromUtc(2026, 10, 24, 23, 0), Instant.FromUtc(2026, 10, 24, 23, 45)),
                (Instant.FromUtc(2026, 10, 24, 23, 45), Instant.FromUtc(2026, 10, 25, 0, 30)),
                (Instant.FromUtc(2026, 10, 25, 2, 15), Instant.FromUtc(2026, 10, 25, 3, 0)),
            ],
            plan.Select(slot => (slot.Start, slot.End)));
    }

    [Fact]
    public void Plan_NightAcrossAutumnOverlapWithHalfHourSlots_PlansTwoOClockOnlyAtItsFirstOccurrence()
    {
        var plan = SlotPlanner.Plan(
            NightHours(30), new LocalDate(2026, 10, 25), new LocalDate(2026, 10, 25), Berlin);

        var twoOClock = Assert.Single(plan, slot => slot.Start.InZone(Berlin).TimeOfDay == new LocalTime(2, 0));
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 0, 0), twoOClock.Start);
        Assert.Equal(Offset.FromHours(2), twoOClock.Start.InZone(Berlin).Offset);
        Assert.DoesNotContain(plan, slot => slot.Start.InZone(Berlin).TimeOfDay == new LocalTime(2, 30));
        Assert.Equal(5, plan.Count);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(20)]
    [InlineData(30)]
    [InlineData(45)]
    [InlineData(60)]
    [InlineData(90)]
    public void Plan_NightAcrossAutumnOverlap_RepeatedHourOnceNoStraddlingNoOverlap(int slotMinutes)
    {
        var plan = PlanNight(new LocalDate(2026, 10, 25), slotMinutes);

        Assert.NotEmpty(plan);
        AssertExactLengthAndNoOverlap(plan, slotMinutes);
        Assert.Equal(plan.Count, plan.Select(slot => slot.Start.InZone(Berlin).LocalDateTime).Distinct().Count());
        foreach (var slot in plan)
        {
            Assert.False(slot.Start < AutumnChange && AutumnChange < slot.End, $"straddles the change: {slot}");
            var localStart = slot.Start.InZone(Berlin);
            if (localStart.TimeOfDay >= new LocalTime(2, 0) && localStart.TimeOfDay < new LocalTime(3, 0))
            {
                Assert.Equal(Offset.FromHours(2), localStart.Offset);
            }
        }
    }

    private static IReadOnlyList<PlannedSlot> PlanNight(LocalDate date, int slotMinutes) =>
        SlotPlanner.Plan(NightHours(slotMinutes), date, date, Berlin);

    private static ConsultationHours NightHours(int slotMinutes) => new(
        [new WeeklyHours(IsoDayOfWeek.Sunday, Window(new LocalTime(1, 0), new LocalTime(4, 0), slotMinutes))],
        []);

    private static HoursWindow Window(LocalTime from, LocalTime to, int slotMinutes) =>
        new(from, to, slotMinutes, SlotMode.InPerson, "Testraum 1", 1);

    private static IEnumerable<Instant> ExpectedMorning(LocalDate date, int utcHour)
    {
        var first = Instant.FromUtc(date.Year, date.Month, date.Day, utcHour, 0);
        return Enumerable.Range(0, 4).Select(i => first + Duration.FromMinutes(45 * i));
    }

    private static IEnumerable<Instant> StartsOn(IReadOnlyList<PlannedSlot> plan, LocalDate date) =>
        plan.Where(slot => slot.Start.InZone(Berlin).Date == date).Select(slot => slot.Start);

    private static void AssertExactLengthAndNoOverlap(IReadOnlyList<PlannedSlot> plan, int slotMinutes)
    {
        Assert.All(plan, slot => Assert.Equal(Duration.FromMinutes(slotMinutes), slot.End - slot.Start));
        var ordered = plan.OrderBy(slot => slot.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            Assert.True(ordered[i - 1].End <= ordered[i].Start, $"{ordered[i - 1]} overlaps {ordered[i]}");
        }
    }
}
